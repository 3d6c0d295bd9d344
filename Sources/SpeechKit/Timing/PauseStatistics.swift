/// Silent pauses between stretches of speech inside the first-to-last-word span.
///
/// A pause is a gap at least `threshold_ms` long (250 ms by default, the usual threshold since
/// Goldman-Eisler 1968); counts at 150 ms and 1000 ms are exported too, with the bins of
/// Campione & Véronis 2002 (brief 150–200 ms, medium 200–1000 ms, long > 1000 ms).
public struct PauseStatistics: Equatable, Sendable, Codable {
  public var thresholdMilliseconds: Int
  public var count: Int
  public var totalSeconds: Double
  public var meanSeconds: Double?
  public var maximumSeconds: Double?
  public var countAtLeast150Milliseconds: Int
  public var countAtLeast1000Milliseconds: Int
  public var brief: Int
  public var medium: Int
  public var long: Int

  /// Measures the gaps between consecutive segments.
  public init(gaps: [Double], threshold: Double) {
    let pauses = gaps.filter { Self.isPause($0, threshold: threshold) }
    thresholdMilliseconds = Int((threshold * 1000).rounded())
    count = pauses.count
    totalSeconds = pauses.reduce(0, +)
    meanSeconds = pauses.isEmpty ? nil : totalSeconds / Double(pauses.count)
    maximumSeconds = pauses.max()
    countAtLeast150Milliseconds = gaps.filter { $0 >= 0.15 - 1e-9 }.count
    countAtLeast1000Milliseconds = gaps.filter { $0 >= 1 - 1e-9 }.count
    // Gaps are differences of millisecond times in binary (0.3 − 0.1 = 0.19999…), so every edge
    // takes the same rounding allowance: a 200 ms gap is medium, a 1000 ms one not long.
    brief = gaps.filter { $0 >= 0.15 - 1e-9 && $0 < 0.2 - 1e-9 }.count
    medium = gaps.filter { $0 >= 0.2 - 1e-9 && $0 <= 1 + 1e-9 }.count
    long = gaps.filter { $0 > 1 + 1e-9 }.count
  }

  /// A gap counts as a silent pause from the threshold on (a gap equal to it, within rounding, counts).
  public static func isPause(_ gap: Double, threshold: Double) -> Bool {
    gap >= threshold - 1e-9
  }

  enum CodingKeys: String, CodingKey {
    case thresholdMilliseconds = "threshold_ms"
    case count
    case totalSeconds = "total_s"
    case meanSeconds = "mean_s"
    case maximumSeconds = "max_s"
    case countAtLeast150Milliseconds = "count_150ms"
    case countAtLeast1000Milliseconds = "count_1000ms"
    case brief = "brief_n"
    case medium = "medium_n"
    case long = "long_n"
  }
}
