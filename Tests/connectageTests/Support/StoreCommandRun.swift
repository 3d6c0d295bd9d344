import Foundation

/// One run of the real `connectage` binary for the Store commands' tests: arguments in, exit
/// code and both output streams out. Kept to these tests so it cannot clash with other helpers.
struct StoreCommandRun {
  let exitCode: Int32
  let standardOutput: String
  let standardError: String

  /// Runs `connectage` with `arguments`, in French unless `language` says otherwise.
  ///
  /// `XDG_DATA_HOME` points into the temporary folder so a forgotten `--db` never touches a real database.
  static func connectage(_ arguments: [String], language: String? = nil) throws -> StoreCommandRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binaryPath)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["CONNECTAGE_LANG"] = language
    environment["XDG_DATA_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent("connectage-cli-xdg").path
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return StoreCommandRun(
      exitCode: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  private static var binaryPath: String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("connectage").path
    if FileManager.default.isExecutableFile(atPath: beside) {
      return beside
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/debug/connectage").path
  }
}

/// A fresh temporary folder for one test, removed with `remove()`.
struct StoreCommandFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  var databasePath: String { path + "/connectage.sqlite" }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
