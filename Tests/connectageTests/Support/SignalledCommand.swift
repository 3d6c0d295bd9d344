import Foundation
import Testing

/// A real `connectage` in a process of its own, signalled once it has got far enough: its event
/// trace shows a given event, or a file it writes appears.
struct SignalledCommand {
  let process = Process()
  let trace: String
  let outputFile: URL
  let errorFile: URL

  /// `connectage arguments…` from the repository root, in French, its data and trace in `workspace`.
  init(_ arguments: [String], environment: [String: String] = [:], in workspace: StoreCommandFolder) throws {
    trace = workspace.path + "/trace"
    outputFile = URL(fileURLWithPath: workspace.path + "/stdout")
    errorFile = URL(fileURLWithPath: workspace.path + "/stderr")
    for file in [outputFile, errorFile] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
    process.executableURL = CommandRun.executable
    process.currentDirectoryURL = CommandRun.repositoryRoot
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables["CONNECTAGE_LANG"] = nil
    variables["XDG_DATA_HOME"] = workspace.path
    variables["CONNECTAGE_EVENT_TRACE"] = trace
    variables.merge(environment) { $1 }
    process.environment = variables
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
  }

  /// Starts the command, sends `number` once the trace holds an event of `type`, and waits for the end.
  func signal(_ number: Int32, onceTheTraceShows type: String) async throws {
    let (trace, line) = (trace, "\t\(type)\n")
    try await signal(number, once: "\(type) in the trace") {
      ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").contains(line)
    }
  }

  /// Starts the command, sends `number` once `path` exists, and waits for the end.
  func signal(_ number: Int32, onceThereIs path: String) async throws {
    try await signal(number, once: path) { FileManager.default.fileExists(atPath: path) }
  }

  private func signal(_ number: Int32, once what: String, _ isReady: @escaping @Sendable () -> Bool) async throws {
    let (exited, exit) = AsyncStream.makeStream(of: Never.self)
    process.terminationHandler = { _ in exit.finish() }
    try process.run()
    // Watched from a thread of its own: on a 2-core machine, other tests' blocking waits can hold
    // the cooperative pool for minutes, and a task polling there woke only once a demo had ended,
    // too late for a signal meant for its exports. Six minutes at most, as for the crash test: a
    // loaded CI machine is slow to the first image.
    let process = process
    let shown = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
      Thread {
        let deadline = Date().addingTimeInterval(360)
        while process.isRunning, Date() < deadline {
          if isReady() {
            kill(process.processIdentifier, number)
            return continuation.resume(returning: true)
          }
          usleep(20_000)
        }
        continuation.resume(returning: false)
      }.start()
    }
    if !shown { kill(process.processIdentifier, SIGKILL) }
    for await _ in exited {}
    try #require(shown, "no \(what) while the command ran")
  }

  func standardOutput() throws -> String { try String(contentsOf: outputFile, encoding: .utf8) }
  func standardError() throws -> String { try String(contentsOf: errorFile, encoding: .utf8) }
}
