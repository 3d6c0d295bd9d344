import Foundation

/// The real `connectage` executable, built by `swift build --build-tests` next to the test bundle.
enum ConnectageBinary {
  static var path: String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("connectage").path
    if FileManager.default.isExecutableFile(atPath: beside) {
      return beside
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.appendingPathComponent(".build/debug/connectage").path
  }
}
