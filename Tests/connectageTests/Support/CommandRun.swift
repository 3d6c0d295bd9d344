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
    let child = try Child(arguments, environment: environment, in: directory)
    try child.process.run()
    child.process.waitUntilExit()
    return try child.finish()
  }

  /// The same, for long commands (whole sessions): the test waits without holding one of the few
  /// threads every other test needs.
  static func connectage(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil)
    async throws -> CommandRun
  {
    let child = try Child(arguments, environment: environment, in: directory)
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      child.process.terminationHandler = { _ in continuation.resume() }
      do {
        try child.process.run()
      } catch {
        continuation.resume(throwing: error)
      }
    }
    return try child.finish()
  }

  /// A prepared process whose output goes to files rather than pipes: a long plan cannot fill a
  /// pipe and stall the child.
  private final class Child: @unchecked Sendable {
    let process = Process()
    let folder: URL
    let output: FileHandle
    let error: FileHandle
    private var watchdog: DispatchWorkItem?

    init(_ arguments: [String], environment: [String: String], in directory: URL?) throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("connectage-run-\(UUID().uuidString)", isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stdout").path, contents: nil)
      _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr").path, contents: nil)
      output = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
      error = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
      process.executableURL = CommandRun.executable
      process.arguments = arguments
      process.currentDirectoryURL = directory ?? CommandRun.repositoryRoot
      var variables = ProcessInfo.processInfo.environment
      variables["CONNECTAGE_LANG"] = nil
      variables["XDG_DATA_HOME"] = CommandRun.dataHome
      variables.merge(environment) { $1 }
      process.environment = variables
      process.standardOutput = output
      process.standardError = error
      // A command that waits for people (a session with real pads) would hang the suite and CI:
      // after ten minutes it is killed, and its exit status says so.
      let process = process
      let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
      DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: watchdog)
      self.watchdog = watchdog
    }

    func finish() throws -> CommandRun {
      watchdog?.cancel()
      try output.close()
      try error.close()
      defer { try? FileManager.default.removeItem(at: folder) }
      return CommandRun(
        standardOutput: String(decoding: try Data(contentsOf: folder.appendingPathComponent("stdout")), as: UTF8.self),
        standardError: String(decoding: try Data(contentsOf: folder.appendingPathComponent("stderr")), as: UTF8.self),
        exitCode: process.terminationStatus)
    }
  }
}
