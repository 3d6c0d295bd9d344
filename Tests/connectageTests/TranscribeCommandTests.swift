import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

/// `connectage transcribe` end to end: the real executable, the real worker (faster-whisper) and
/// the Whisper base test model `scripts/install-asr` builds into `.build/asr`.
@Suite struct TranscribeCommandTests {
  static let model = CommandRun.repositoryRoot.appendingPathComponent(".build/asr/whisper-base").path
  static var isInstalled: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true"
      || FileManager.default.fileExists(atPath: model + "/.complete")
  }

  @Test(arguments: [
    BadInputCase(
      id: "no model chosen", arguments: ["a.wav"],
      message: "Aucun modèle de reconnaissance vocale choisi. Installez un modèle Whisper"),
    BadInputCase(
      id: "a model folder that does not exist", arguments: ["a.wav", "--model", "/nonexistent/whisper-large-v3"],
      message: "Aucun modèle à « /nonexistent/whisper-large-v3 ». Installez"),
    BadInputCase(
      id: "two scopes", arguments: ["a.wav", "--session", "S1", "--model", "/tmp"],
      message: "Donnez une seule source : --session, --study ou des fichiers WAV."),
  ])
  func refusesBadInputWithWhatToDo(_ c: BadInputCase) throws {
    let run = try CommandRun.connectage(["transcribe"] + c.arguments, environment: ["CONNECTAGE_ASR_MODEL": ""])
    #expect(run.exitCode == 2)
    #expect(run.standardError.hasPrefix(c.message), "\(run.standardError)")
  }

  @Test func theProtocolWhoseQuestionWasAskedIsReadFirst() throws {
    let run = try CommandRun.connectage([
      "transcribe", "a.wav", "--protocol", "Protocols/absent.yaml", "--model", "/tmp",
    ])
    #expect(run.exitCode != 0)
    #expect(run.standardError.hasPrefix("Protocols/absent.yaml:1:1: fichier illisible"), "\(run.standardError)")
  }

  @Test func anIncompleteModelSaysWhatIsMissingInEnglishToo() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try Data("{}".utf8).write(to: URL(fileURLWithPath: folder.path + "/config.json"))
    let run = try CommandRun.connectage(
      ["transcribe", "a.wav", "--model", folder.path], environment: ["CONNECTAGE_LANG": "en"])
    #expect(run.exitCode == 2)
    #expect(
      run.standardError.hasPrefix(
        "Incomplete model at '\(folder.path)': model.bin, tokenizer.json, vocabulary.json missing."),
      "\(run.standardError)")
  }

  static func measures(_ run: CommandRun) throws -> [[String: Any]] {
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any], "\(run.standardError)")
    return try #require(report["measures"] as? [[String: Any]])
  }

  /// Each measure's figures, without what the report says about drafts.
  static func figures(_ run: CommandRun) throws -> String {
    let figures = try measures(run).map { measure in
      measure.filter { $0.key != "draft_answers" && $0.key != "includes_drafts" }
    }
    return String(decoding: try JSONSerialization.data(withJSONObject: figures, options: .sortedKeys), as: UTF8.self)
  }

  /// A demo session whose first answer keeps its typed transcript and whose other two lost theirs:
  /// `transcribe` drafts the two, files their counts labelled `asr`, and the statistics stay what
  /// they were until asked to include drafts.
  @Test(.enabled(if: isInstalled, "run scripts/install-asr first"))
  func draftsAreLabelledCountedAndLeftOutOfStatistics() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let db = workspace.databasePath
    let demo = try await CommandRun.connectage(
      ["demo", "--headless", "--brisk", "--players", "2", "--db", db, "--output", workspace.path + "/sessions"],
      environment: ["XDG_DATA_HOME": workspace.path])
    try #require(demo.exitCode == 0, "\(demo.standardError)")
    let database = try SessionDatabase(path: db)
    let sessions = try database.sessions.fetchAll()
    try #require(sessions.count == 1)
    let session = sessions[0]
    let recordings = try database.recordings.fetchAll(in: session.id).sorted { $0.answer < $1.answer }
    try #require(recordings.count == 3)
    let audio = recordings.map { database.recordingFile(atStoredPath: $0.path) }
    for file in audio.dropFirst() {
      try FileManager.default.removeItem(at: file.deletingPathExtension().appendingPathExtension("txt"))
    }
    try #require(try await CommandRun.connectage(["analyze", "session", "--db", db]).exitCode == 0)
    let statistics = ["stats", "--db", db, "--json", "--measure", "words", "--measure", "speech_duration_s"]
    let before = try await CommandRun.connectage(statistics)
    try #require(before.exitCode == 0, "\(before.standardError)")

    let run = try await CommandRun.connectage([
      "transcribe", "--session", session.id.rawValue, "--db", db, "--model", Self.model,
    ])
    try #require(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("3 enregistrement(s) : 2 brouillon(s) écrit(s)"), "\(run.standardOutput)")
    #expect(run.standardOutput.contains("déjà transcrit (\(audio[0].deletingPathExtension().lastPathComponent).txt)"))

    let measures = try database.measures.fetchAll(in: session.id)
    #expect(measures.map(\.transcriptSource) == [.typed, .asr, .asr])
    for draft in measures.dropFirst() {
      #expect((draft.words ?? 0) > 0, "a draft gives a provisional count")
    }
    for file in audio.dropFirst() {
      let transcript = try ASRJSONReader.read(url: file.deletingPathExtension().appendingPathExtension("json"))
      #expect(transcript.source == .asr)
    }

    let after = try await CommandRun.connectage(statistics)
    #expect(try Self.figures(after) == Self.figures(before), "drafts change no figure by default")
    let words = try #require(try Self.measures(after).first { $0["measure"] as? String == "words" })
    #expect(words["draft_answers"] as? Int == 2, "the report says how many drafts it left out")
    let withDrafts = try await CommandRun.connectage(statistics + ["--include-drafts"])
    try #require(withDrafts.exitCode == 0, "\(withDrafts.standardError)")
    #expect(try Self.figures(withDrafts) != Self.figures(before))
    let text = try await CommandRun.connectage(["stats", "--db", db, "--measure", "words"])
    #expect(text.standardOutput.contains("2 réponse(s) dont la transcription n'est qu'un brouillon"))

    let out = workspace.path + "/export"
    try #require(try await CommandRun.connectage(["export", "csv", "--db", db, "--out", out]).exitCode == 0)
    let rows = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let column = try #require(rows[0].firstIndex(of: "transcript_source"))
    #expect(rows.dropFirst().map { $0[column] } == ["typed", "asr", "asr"])
    let codebook = try String(contentsOfFile: out + "/codebook.csv", encoding: .utf8)
    #expect(codebook.contains("transcript_source"))
    try #require(try await CommandRun.connectage(["export", "chat", "--db", db, "--out", out]).exitCode == 0)
    let chat = try FileManager.default.contentsOfDirectory(atPath: out + "/chat/\(session.id.rawValue)").sorted()
    let labelled = try chat.filter {
      try String(contentsOfFile: out + "/chat/\(session.id.rawValue)/" + $0, encoding: .utf8)
        .contains("@Comment:\ttranscript_source asr")
    }
    #expect(chat.count == 3 && labelled.count == 2, "\(chat) \(labelled)")

    // A second run has nothing left to do.
    let again = try await CommandRun.connectage([
      "transcribe", "--session", session.id.rawValue, "--db", db, "--model", Self.model,
    ])
    #expect(again.exitCode == 0)
    #expect(
      again.standardOutput.contains(
        "0 brouillon(s) écrit(s) (question repérée dans 0), 3 déjà transcrit(s), 0 en échec"))
  }

  /// Killed while drafting, then started again: every draft on disk is whole, and the second run
  /// drafts only what the first did not finish. A file that fails is reported, the rest go on.
  @Test(.enabled(if: isInstalled, "run scripts/install-asr first"))
  func aKilledRunResumesAndAFailedFileDoesNotStopTheOthers() throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    var files: [String] = []
    for (index, text) in ["Le verger de mon grand-père.", "Le marché du samedi.", "La plage en Bretagne."].enumerated()
    {
      let wav = workspace.path + "/answer-\(index + 1).wav"
      try ExternalTool.run("espeak-ng", ["-v", "fr", "-s", "150", "-w", wav, text])
      files.append(wav)
    }
    let broken = workspace.path + "/broken.wav"
    try Data("RIFF, but no audio".utf8).write(to: URL(fileURLWithPath: broken))

    let process = Process()
    process.executableURL = CommandRun.executable
    process.arguments = ["transcribe", "--model", Self.model] + files
    process.currentDirectoryURL = CommandRun.repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let first = files[0].replacingOccurrences(of: ".wav", with: ".json")
    while process.isRunning && !FileManager.default.fileExists(atPath: first) {
      usleep(20_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    for file in files {
      let draft = file.replacingOccurrences(of: ".wav", with: ".json")
      guard FileManager.default.fileExists(atPath: draft) else { continue }
      #expect(throws: Never.self, "a draft on disk is whole") {
        try ASRJSONReader.read(url: URL(fileURLWithPath: draft))
      }
    }
    let drafted = files.filter {
      FileManager.default.fileExists(atPath: $0.replacingOccurrences(of: ".wav", with: ".json"))
    }
    #expect(!drafted.isEmpty)

    let resumed = try CommandRun.connectage(["transcribe", "--model", Self.model, broken] + files)
    #expect(resumed.exitCode == 1, "a failed file makes the run fail, after the others")
    #expect(resumed.standardError.contains("broken.wav : transcription impossible"), "\(resumed.standardError)")
    #expect(
      resumed.standardOutput.contains(
        "4 enregistrement(s) : \(3 - drafted.count) brouillon(s) écrit(s) (question repérée dans 0), \(drafted.count) déjà transcrit(s), 1 en échec"
      ), "\(resumed.standardOutput)")
    for file in files {
      #expect(FileManager.default.fileExists(atPath: file.replacingOccurrences(of: ".wav", with: ".json")))
    }
    #expect(!FileManager.default.fileExists(atPath: broken.replacingOccurrences(of: ".wav", with: ".json")))
  }
}
