import Foundation
import SpeechRecognition
import TestSupport

/// The worker and test model `scripts/install-asr` builds into the repository's `.build/asr`
/// (`make test` runs it first). Outside CI a machine without them skips the tests that need them;
/// in CI (`CI=true`) they run and fail, so a missing install step cannot pass unseen.
enum InstalledRecognition {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../..").standardizedFileURL
  static let model = RecognitionModel(folder: repository.appendingPathComponent(".build/asr/whisper-base"))
  static let setup = WorkerSetup(
    python: repository.appendingPathComponent(".build/asr/venv/bin/python3"),
    script: repository.appendingPathComponent("scripts/asr-worker.py"))

  static var isInstalled: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true"
      || (FileManager.default.fileExists(atPath: model.folder.appendingPathComponent(".complete").path)
        && FileManager.default.isExecutableFile(atPath: setup.python.path))
  }

  /// A fresh folder under the temporary directory, removed by `remove()`.
  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// `text` said by espeak-ng in French, as a 16 kHz mono WAV at `url`.
  static func speak(_ text: String, to url: URL, voice: String = "fr") throws {
    let raw = url.deletingPathExtension().appendingPathExtension("espeak.wav")
    try ExternalTool.run("espeak-ng", ["-v", voice, "-s", "150", "-w", raw.path, text])
    try ExternalTool.run("sox", [raw.path, "-r", "16000", "-c", "1", "-b", "16", url.path])
    try FileManager.default.removeItem(at: raw)
  }
}
