import Foundation

/// Small text fixtures checked in beside the tests, in `Tests/SpeechKitTests/Goldens/`.
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")

  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

  static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }
}
