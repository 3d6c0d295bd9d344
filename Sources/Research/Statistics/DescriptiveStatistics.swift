/// The summary of one sample: size, mean, standard deviation, median, quartiles and a t-based
/// 95 % confidence interval of the mean.
///
/// Conventions, chosen to match what analysts get in R and NumPy: the standard deviation divides
/// by n − 1 (`sd()`, `numpy.std(ddof=1)`); quartiles interpolate linearly between order statistics
/// (R's type 7, `numpy.percentile`'s default); the interval is mean ± t(0.975, n − 1) · SD / √n.
public struct DescriptiveStatistics: Hashable, Sendable, Codable {
  public var count: Int
  public var mean: Double?
  /// `nil` below two values.
  public var standardDeviation: Double?
  public var median: Double?
  public var lowerQuartile: Double?
  public var upperQuartile: Double?
  public var minimum: Double?
  public var maximum: Double?
  /// `nil` below two values.
  public var confidenceLow: Double?
  public var confidenceHigh: Double?

  public init(_ values: [Double]) {
    let sorted = values.sorted()
    count = sorted.count
    guard !sorted.isEmpty else { return }
    let n = Double(sorted.count)
    let mean = sorted.reduce(0, +) / n
    self.mean = mean
    median = Self.quantile(0.5, ofSorted: sorted)
    lowerQuartile = Self.quantile(0.25, ofSorted: sorted)
    upperQuartile = Self.quantile(0.75, ofSorted: sorted)
    minimum = sorted.first
    maximum = sorted.last
    guard sorted.count > 1 else { return }
    let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let deviation = variance.squareRoot()
    standardDeviation = deviation
    let margin = SpecialFunctions.studentQuantile(0.975, degreesOfFreedom: n - 1) * deviation / n.squareRoot()
    confidenceLow = mean - margin
    confidenceHigh = mean + margin
  }

  /// `upperQuartile − lowerQuartile`.
  public var interquartileRange: Double? {
    guard let lowerQuartile, let upperQuartile else { return nil }
    return upperQuartile - lowerQuartile
  }

  /// The `p` quantile of sorted values, R type 7: h = (n − 1) p, interpolated between neighbours.
  static func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double {
    let position = Double(sorted.count - 1) * p
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
  }

  enum CodingKeys: String, CodingKey {
    case count = "n", mean, standardDeviation = "sd", median
    case lowerQuartile = "q1", upperQuartile = "q3", minimum = "min", maximum = "max"
    case confidenceLow = "ci95_low", confidenceHigh = "ci95_high"
  }
}
