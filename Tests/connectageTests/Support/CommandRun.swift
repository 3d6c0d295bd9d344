import Foundation

/// One run of the built `connectage` binary (`.build/debug/connectage`, made by
/// `swift build --build-tests`), from the repository root, with what it printed and its exit code.
///
/// Tests run the real executable rather than calling the commands in-process, so that argument
/// parsing, standard output versus standard error and exit codes are checked as a user meets them.
struct CommandRun: Sendable {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let executable = repositoryRoot.appendingPathComponent(".build/debug/connectage")

  let standardOutput: String
  let standardError: String
  let exitCode: Int32

  /// Where `XDG_DATA_HOME` points unless a test says otherwise, so a forgotten `--db` never
  /// touches a real database.
  static let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-cli-xdg").path

  /// Runs `connectage arguments…` from the repository root (or `directory`), in French by default.
  ///
  /// - Parameters:
  ///   - environment: extra variables; `CONNECTAGE_LANG` is cleared and `XDG_DATA_HOME` set to
  ///     ``dataHome`` unless given here.
  ///   - directory: the working directory, for commands given relative paths.
  static func connectage(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil)
    throws -> CommandRun
  {
    // Output goes to files rather than pipes: a long plan cannot fill a pipe and stall the child.
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("connectage-run-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputURL = folder.appendingPathComponent("stdout")
    let errorURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repositoryRoot
    var variables = ProcessInfo.processInfo.environment
    variables["CONNECTAGE_LANG"] = nil
    variables["XDG_DATA_HOME"] = dataHome
    variables.merge(environment) { $1 }
    process.environment = variables
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // A command that waits for people (a session with real pads) would hang the suite and CI:
    // after ten minutes it is killed, and its exit status says so.
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: watchdog)
    process.waitUntilExit()
    watchdog.cancel()
    try output.close()
    try error.close()
    return CommandRun(
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
      exitCode: process.terminationStatus)
  }
}
