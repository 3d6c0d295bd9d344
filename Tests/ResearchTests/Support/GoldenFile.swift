import Foundation
import Testing

/// Expected export files checked in beside the tests, in `Tests/ResearchTests/Goldens/`.
///
/// `CONNECTAGE_UPDATE_GOLDENS=1 swift test --filter ResearchTests` rewrites them from the current
/// output; review the diff before committing it.
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")

  static func expect(_ contents: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CONNECTAGE_UPDATE_GOLDENS"] == "1" {
      try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(contents == expected, "differs from Goldens/\(name)", sourceLocation: sourceLocation)
  }
}
