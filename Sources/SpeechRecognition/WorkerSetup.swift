import Foundation

/// Where the worker's Python interpreter and script are.
///
/// `scripts/install-asr` puts the interpreter in `.build/asr/venv` of the repository; the script is
/// `scripts/asr-worker.py`. Both are looked for under the current folder, then under the folder
/// the `connectage` executable was built in (`<repository>/.build/debug/connectage`), so the
/// command works from the repository and from any folder; `CONNECTAGE_ASR_PYTHON` and
/// `CONNECTAGE_ASR_WORKER` name them explicitly.
public struct WorkerSetup: Hashable, Sendable {
  public var python: URL
  public var script: URL
  /// CPU threads CTranslate2 uses.
  public var threads: Int
  /// The longest stretch of audio the worker recognises at once (its memory bound); nil: the
  /// worker's own (10 minutes, or `CONNECTAGE_ASR_WINDOW_SECONDS`).
  public var windowSeconds: Int?

  public static let pythonVariable = "CONNECTAGE_ASR_PYTHON"
  public static let scriptVariable = "CONNECTAGE_ASR_WORKER"

  public init(python: URL, script: URL, threads: Int = 2, windowSeconds: Int? = nil) {
    self.python = python
    self.script = script
    self.threads = threads
    self.windowSeconds = windowSeconds
  }

  /// - Throws: ``RecognitionError/workerNotInstalled(detail:)`` naming what was looked for.
  public static func locate(
    environment: [String: String], currentDirectory: URL, executable: URL?, threads: Int = 2
  ) throws(RecognitionError) -> WorkerSetup {
    let roots =
      [currentDirectory] + (executable.map { [$0.deletingLastPathComponent().appendingPathComponent("../..")] } ?? [])
    func find(_ variable: String, _ relative: String) -> URL? {
      if let path = environment[variable], !path.isEmpty { return URL(fileURLWithPath: path) }
      return roots.map { $0.appendingPathComponent(relative).standardizedFileURL }
        .first {
          FileManager.default.isExecutableFile(atPath: $0.path) || FileManager.default.fileExists(atPath: $0.path)
        }
    }
    guard let script = find(scriptVariable, "scripts/asr-worker.py") else {
      throw .workerNotInstalled(detail: "scripts/asr-worker.py")
    }
    guard let python = find(pythonVariable, ".build/asr/venv/bin/python3"),
      FileManager.default.isExecutableFile(atPath: python.path)
    else {
      throw .workerNotInstalled(detail: ".build/asr/venv/bin/python3")
    }
    return WorkerSetup(python: python, script: script, threads: threads)
  }
}
