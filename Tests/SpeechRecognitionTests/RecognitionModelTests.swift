import Foundation
import Testing

@testable import SpeechRecognition

@Suite struct RecognitionModelTests {
  static func folder(with files: [String: String]) throws -> URL {
    let folder = try InstalledRecognition.scratch()
    for (name, contents) in files {
      try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test func noModelChosenSaysWhatToInstall() {
    let error = #expect(throws: RecognitionError.self) {
      try RecognitionModel.locate(option: nil, environment: [:])
    }
    #expect(error == .noModelChosen)
    #expect(error?.isBadInput == true)
    #expect(error?.message.french.contains("scripts/install-asr") == true)
    #expect(error?.message.english.contains("--model DIR or CONNECTAGE_ASR_MODEL") == true)
  }

  @Test func theEnvironmentNamesTheModelWhenNoOptionDoes() throws {
    let folder = try Self.folder(with: [
      "config.json": "{}", "model.bin": "x", "tokenizer.json": "{}", "vocabulary.json": "[]",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try RecognitionModel.locate(option: nil, environment: ["CONNECTAGE_ASR_MODEL": folder.path])
    #expect(model.name == folder.lastPathComponent)
  }

  @Test func aMissingFolderIsNamed() {
    let error = #expect(throws: RecognitionError.self) {
      try RecognitionModel.locate(option: "/nonexistent/whisper", environment: [:])
    }
    #expect(error == .modelMissing(path: "/nonexistent/whisper"))
  }

  @Test func anIncompleteModelListsWhatIsMissing() throws {
    let folder = try Self.folder(with: ["config.json": "{}", "model.bin": ""])
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: RecognitionError.self) {
      try RecognitionModel(folder: folder).check()
    }
    #expect(error == .modelIncomplete(path: folder.path, missing: ["model.bin", "tokenizer.json", "vocabulary.json"]))
  }

  @Test func aFileThatDiffersFromItsChecksumIsCorrupt() throws {
    let folder = try Self.folder(with: [
      "config.json": "{}", "model.bin": "weights, damaged", "tokenizer.json": "{}", "vocabulary.json": "[]",
      // config.json as installed ("{}"); model.bin as installed, which the damaged file is not.
      "SHA256SUMS": """
      44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a  config.json
      8a3d4a0e2b5a8e8d3e0b4b1b4f1c2f2c0a8c0f7d0a5e5b4f0e9c1d8a7b6c5d4e  model.bin

      """,
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: RecognitionError.self) {
      try RecognitionModel(folder: folder).check()
    }
    #expect(error == .modelCorrupt(path: folder.path, file: "model.bin"))
    #expect(throws: Never.self) { try RecognitionModel(folder: folder).check(verifyDigests: false) }
  }
}
