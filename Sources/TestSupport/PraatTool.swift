import Foundation

/// Praat (Debian `praat`, run headless with `--run`), reading TextGrids exactly as a researcher's
/// Praat will. Tests that need it are skipped, with a message, where it is not installed.
public struct PraatTool: Sendable {
  public let executable: String

  public static let missing = "Praat not installed: run scripts/install-deps (Debian package praat)"

  public static let shared: PraatTool? = (try? ExternalTool.locate("praat")).map(PraatTool.init)

  /// One tier as Praat read it.
  public struct Tier: Equatable, Sendable {
    public var name: String
    public var isInterval: Bool
    /// Intervals (or points).
    public var count: Int
    /// Every interval starts where the previous one ended, from the grid's start to its end.
    public var tiles: Bool
    /// Intervals with a label, their total duration, and their labels joined by spaces.
    public var labelled: Int
    public var labelledSeconds: Double
    public var labels: String
  }

  /// A TextGrid as Praat read it.
  public struct Grid: Sendable {
    public var xmin: Double
    public var xmax: Double
    public var tiers: [Tier]

    public func tier(named name: String) -> Tier? { tiers.first { $0.name == name } }
  }

  /// Opens `file` in Praat ("Read from file") and describes its tiers; throws with Praat's own
  /// message when Praat refuses the file.
  public func read(_ file: URL) throws -> Grid {
    let script = FileManager.default.temporaryDirectory
      .appendingPathComponent("connectage-describe-\(UUID().uuidString).praat")
    try Self.describeScript.write(to: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: script) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--run", script.path, file.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0, let first = text.split(separator: "\n").first else {
      throw ExternalTool.Failure(
        description: "Praat refused \(file.lastPathComponent): \(String(decoding: message, as: UTF8.self))\(text)")
    }
    let header = first.split(separator: "\t", omittingEmptySubsequences: false)
    var grid = Grid(xmin: Double(header[1]) ?? .nan, xmax: Double(header[2]) ?? .nan, tiers: [])
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 8, fields[0] == "tier" else { continue }
      grid.tiers.append(
        Tier(
          name: fields[1], isInterval: fields[2] == "IntervalTier", count: Int(fields[3]) ?? -1,
          tiles: fields[4] == "1", labelled: Int(fields[5]) ?? -1, labelledSeconds: Double(fields[6]) ?? .nan,
          labels: fields[7...].joined(separator: "\t")))
    }
    return grid
  }

  /// One line per tier: name, class, count, tiles (1/0), labelled intervals, their total
  /// duration, their labels.
  static let describeScript = """
    form Describe a TextGrid
      sentence Path
    endform
    grid = Read from file: path$
    xmin = Get start time
    xmax = Get end time
    tiers = Get number of tiers
    writeInfoLine: "grid", tab$, fixed$(xmin, 6), tab$, fixed$(xmax, 6), tab$, tiers
    for tier to tiers
      name$ = Get tier name: tier
      interval = Is interval tier: tier
      if interval
        n = Get number of intervals: tier
        tiles = 1
        cursor = xmin
        labelled = 0
        total = 0
        labels$ = ""
        for i to n
          start = Get start time of interval: tier, i
          end = Get end time of interval: tier, i
          if abs(start - cursor) > 1e-9 or end <= start
            tiles = 0
          endif
          cursor = end
          label$ = Get label of interval: tier, i
          if label$ <> ""
            labelled = labelled + 1
            total = total + (end - start)
            if labels$ = ""
              labels$ = label$
            else
              labels$ = labels$ + " " + label$
            endif
          endif
        endfor
        if abs(cursor - xmax) > 1e-9
          tiles = 0
        endif
        appendInfoLine: "tier", tab$, name$, tab$, "IntervalTier", tab$, n, tab$, tiles, tab$, labelled, tab$, fixed$(total, 6), tab$, labels$
      else
        n = Get number of points: tier
        appendInfoLine: "tier", tab$, name$, tab$, "TextTier", tab$, n, tab$, 1, tab$, n, tab$, fixed$(0, 6), tab$, ""
      endif
    endfor

    """
}
