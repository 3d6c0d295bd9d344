import Foundation
import SpeechKit

/// The speech-recognition worker process (scripts/asr-worker.py): faster-whisper, started once per
/// run, asked for one file at a time over line-delimited JSON on its standard input and output.
///
/// Only this type knows there is a process; callers see recognised segments or a
/// ``RecognitionError``. If the worker dies, the next request starts a new one, so one file that
/// crashes it does not stop the others.
public final class RecognitionWorker {
  public let setup: WorkerSetup
  public let model: RecognitionModel
  /// What the worker reported at start: `faster-whisper` and `ctranslate2` versions.
  public private(set) var versions: [String: String] = [:]

  private var process: Process?
  private var input: FileHandle?
  private var output: LineReader?
  /// The worker's standard error while it runs: tracebacks, and its peak memory after each window.
  private(set) var errorLog: URL?
  private var nextID = 1

  public init(setup: WorkerSetup, model: RecognitionModel) {
    self.setup = setup
    self.model = model
  }

  deinit {
    stop()
  }

  /// Starts the worker and waits until its model is loaded.
  ///
  /// - Throws: ``RecognitionError/modelUnreadable(path:detail:)`` when the model does not load,
  ///   ``RecognitionError/workerNotInstalled(detail:)`` when Python or faster-whisper is missing.
  public func start() throws(RecognitionError) {
    guard process == nil else { return }
    let process = Process()
    process.executableURL = setup.python
    process.arguments =
      [setup.script.path, "--model", model.folder.path, "--threads", "\(setup.threads)"]
      + (setup.windowSeconds.map { ["--window-seconds", "\($0)"] } ?? [])
    var environment = ProcessInfo.processInfo.environment
    environment["HF_HUB_OFFLINE"] = "1"
    environment["OMP_NUM_THREADS"] = "\(setup.threads)"
    environment["PYTHONUNBUFFERED"] = "1"
    process.environment = environment
    let toWorker = Pipe()
    let fromWorker = Pipe()
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-asr-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardInput = toWorker
    process.standardOutput = fromWorker
    process.standardError = try? FileHandle(forWritingTo: log)
    do {
      try process.run()
    } catch {
      try? FileManager.default.removeItem(at: log)
      throw .workerNotInstalled(detail: "\(setup.python.path): \(error.localizedDescription)")
    }
    self.process = process
    input = toWorker.fileHandleForWriting
    output = LineReader(fromWorker.fileHandleForReading)
    errorLog = log
    guard let first = try readMessage() else {
      let detail = lastLogLine() ?? "exit \(waitForExit())"
      stop()
      throw .workerNotInstalled(detail: detail)
    }
    switch first.type {
    case .ready:
      versions = first.versions ?? [:]
    case .error where first.kind == "model":
      stop()
      throw .modelUnreadable(path: model.folder.path, detail: first.message ?? "")
    default:
      stop()
      throw .workerNotInstalled(detail: first.message ?? "unexpected \(first.type.rawValue)")
    }
  }

  /// Transcribes `audio` in `language`, calling `progress` with seconds done and the duration;
  /// `windowStarts` says where each window the recording was read in starts (0 first).
  ///
  /// - Throws: ``RecognitionError/fileFailed(file:detail:)`` for this file only (the worker stays
  ///   up or is started again for the next), or what ``start()`` throws.
  public func transcribe(
    _ audio: URL, language: String, progress: (_ seconds: Double, _ duration: Double) -> Void = { _, _ in }
  ) throws(RecognitionError) -> (segments: [RecognizedSegment], duration: Double, windowStarts: [Double]) {
    try start()
    let id = nextID
    nextID += 1
    let request = WorkerRequest(id: id, audio: audio.path, language: language)
    do {
      let line = try JSONEncoder().encode(request) + Data("\n".utf8)
      try input?.write(contentsOf: line)
    } catch {
      let detail = lastLogLine() ?? "\(error)"
      stop()
      throw .fileFailed(file: audio.path, detail: detail)
    }
    while true {
      guard let message = try readMessage() else {
        let detail = lastLogLine() ?? "exit \(waitForExit())"
        stop()
        throw .fileFailed(file: audio.path, detail: detail)
      }
      guard message.id == id else { continue }
      switch message.type {
      case .progress:
        progress(message.seconds ?? 0, message.duration ?? 0)
      case .result:
        return (message.segments ?? [], message.duration ?? 0, message.windowStarts ?? [])
      case .error:
        throw .fileFailed(file: audio.path, detail: message.message ?? message.kind ?? "error")
      case .ready:
        continue
      }
    }
  }

  /// Ends the worker: it finishes nothing more and its process is reaped.
  public func stop() {
    guard let process else { return }
    try? input?.close()
    if process.isRunning {
      process.terminate()
    }
    process.waitUntilExit()
    self.process = nil
    input = nil
    output = nil
    if let errorLog { try? FileManager.default.removeItem(at: errorLog) }
    errorLog = nil
  }

  private func readMessage() throws(RecognitionError) -> WorkerMessage? {
    while let line = output?.next() {
      guard !line.isEmpty else { continue }
      do {
        return try JSONDecoder().decode(WorkerMessage.self, from: Data(line.utf8))
      } catch {
        stop()
        throw .workerFailed(detail: "unreadable line from the worker: \(line.prefix(200))")
      }
    }
    return nil
  }

  private func waitForExit() -> Int32 {
    guard let process else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// The worker's last line on standard error (a Python traceback's last line says what failed).
  private func lastLogLine() -> String? {
    guard let errorLog, let text = try? String(contentsOf: errorLog, encoding: .utf8) else { return nil }
    return text.split(separator: "\n").last.map(String.init)
  }
}
