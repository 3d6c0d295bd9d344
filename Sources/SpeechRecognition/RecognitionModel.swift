import Foundation

/// A Whisper model in CTranslate2 form on disk, checked before any recording is touched.
///
/// Any faster-whisper model folder will do (`base` for tests, `large-v3` for real use). The check
/// is what can be seen without loading it: the folder and its files; with a `SHA256SUMS` beside
/// them (scripts/install-asr writes one), their digests too. A file that passes and still does not
/// load is reported by the worker (``RecognitionError/modelUnreadable(path:detail:)``).
public struct RecognitionModel: Hashable, Sendable {
  public var folder: URL

  /// The environment variable naming the model folder when `--model` is not given.
  public static let environmentVariable = "CONNECTAGE_ASR_MODEL"
  /// Files every CTranslate2 Whisper folder has; `tokenizer.json` too, since without it
  /// faster-whisper would fetch one from the network.
  public static let requiredFiles = ["config.json", "model.bin", "tokenizer.json"]
  /// One of these, the token list CTranslate2 reads.
  public static let vocabularyFiles = ["vocabulary.json", "vocabulary.txt"]

  /// The folder's name, as drafts record it: never the full path, which may name a person.
  public var name: String { folder.standardizedFileURL.lastPathComponent }

  /// The model named by `option`, else by `CONNECTAGE_ASR_MODEL`, after checking its folder.
  ///
  /// - Parameter verifyDigests: compare files against `SHA256SUMS` when present (reads each file once).
  /// - Throws: ``RecognitionError`` saying what is missing and what to install.
  public static func locate(option: String?, environment: [String: String], verifyDigests: Bool = true)
    throws(RecognitionError) -> RecognitionModel
  {
    guard let path = option ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
      throw .noModelChosen
    }
    let model = RecognitionModel(folder: URL(fileURLWithPath: path, isDirectory: true))
    try model.check(verifyDigests: verifyDigests)
    return model
  }

  public init(folder: URL) {
    self.folder = folder
  }

  /// - Throws: ``RecognitionError/modelMissing(path:)``, ``RecognitionError/modelIncomplete(path:missing:)``
  ///   or ``RecognitionError/modelCorrupt(path:file:)``.
  public func check(verifyDigests: Bool = true) throws(RecognitionError) {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw .modelMissing(path: folder.path)
    }
    func present(_ name: String) -> Bool {
      let size = (try? manager.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size] as? Int
      return (size ?? 0) > 0
    }
    var missing = Self.requiredFiles.filter { !present($0) }
    if !Self.vocabularyFiles.contains(where: present) { missing.append(Self.vocabularyFiles[0]) }
    guard missing.isEmpty else { throw .modelIncomplete(path: folder.path, missing: missing) }
    guard verifyDigests,
      let sums = try? String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
    else { return }
    for line in sums.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 2, fields[1] != "SHA256SUMS" else { continue }
      let file = folder.appendingPathComponent(fields[1])
      guard let digest = try? FileDigest.sha256(of: file), digest == fields[0] else {
        throw .modelCorrupt(path: folder.path, file: fields[1])
      }
    }
  }
}
