import Foundation
import Research
import SessionModel
import Store
import TestSupport
import Testing

/// `connectage analyze session`: transcripts put beside stored recordings after the session are
/// measured and filed; a recording changed since the session is refused.
@Suite struct AnalyzeSessionCommandTests {
  /// One session, two answers recorded from the generated speech corpus and filed as the session
  /// files them: timing only, no transcript yet.
  struct Fixture {
    let folder: URL
    let databasePath: String
    let recordings: [URL]
    let session = SessionID(rawValue: "G01-S01")

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-session-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      databasePath = folder.appendingPathComponent("study.sqlite").path
      let corpus = try SpeechCorpus.load(seed: 23, count: 2)
      let database = try SessionDatabase(path: databasePath)
      let codes = [ParticipantCode.numbered(1), ParticipantCode.numbered(2)]
      for code in codes { try database.participants.add(Participant(code: code, study: "espoir-avc")) }
      let trials = [
        Trial(id: "G01-S01-T1", number: 1, stimulus: "verger", condition: .image),
        Trial(id: "G01-S01-T2", number: 2, stimulus: "plage", condition: .imageScent, scent: "mer"),
      ]
      try database.sessions.save(
        Session(
          id: session, study: "espoir-avc", group: nil, number: 1, date: CalendarDate(year: 2027, month: 1, day: 11)!,
          kind: .clinical, trials: trials))
      var recordings: [URL] = []
      for (index, item) in corpus.items.enumerated() {
        let recording = folder.appendingPathComponent("\(trials[index].id)-\(codes[index])-turn1.wav")
        try FileManager.default.copyItem(at: corpus.url(of: item), to: recording)
        try database.answers.file(
          recordingAt: recording, as: AnswerKey(session: session, trial: trials[index].id, participant: codes[index]))
        recordings.append(recording)
      }
      self.recordings = recordings
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func measures() throws -> [AnswerMeasures] {
      try SessionDatabase(path: databasePath).measures.fetchAll(in: session)
    }
  }

  @Test func transcriptsAddedAfterTheSessionAreMeasuredAndFiled() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    #expect(try fixture.measures().allSatisfy { $0.words == nil }, "no transcript yet: timing only")

    let chat = """
      @UTF8
      @Begin
      @Languages:\tfra
      @Participants:\tPAR Participant, INV Investigator
      @ID:\tfra|demo|PAR|||||Participant|||
      @ID:\tfra|demo|INV|||||Investigator|||
      *INV:\tqu'est-ce que ça vous rappelle ?
      *PAR:\tle verger de mon grand-père , on y allait tous les dimanches .
      @End

      """
    try chat.write(
      to: fixture.recordings[0].deletingPathExtension().appendingPathExtension("cha"), atomically: true, encoding: .utf8
    )

    let run = try CommandRun.connectage(["analyze", "session", "--db", fixture.databasePath])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(
      lines.first == "séance   essai       participant  mots  idées  souvenirs  transcription             manquant")
    #expect(lines.count == 4)
    // 11 words (grand-père is one), and "on y allait tous les dimanches" is a habitual past: one memory.
    #expect(lines[1] == "G01-S01  G01-S01-T1  P01          11    4      1          G01-S01-T1-P01-turn1.cha")
    #expect(lines[2].hasSuffix("–     –      –          (audio seul)              no_transcript"))
    #expect(
      lines[3]
        == "2 réponse(s) mesurée(s) et enregistrée(s), dont 1 avec transcription ; 1 mesurée(s) sur l'audio seul.")

    let measures = try fixture.measures().sorted { $0.answer < $1.answer }
    #expect(measures.map(\.words) == [11, nil], "the patient's words only, not the therapist's prompt")
    #expect(measures[0].ruleSetVersion.hasSuffix("wc-fr-chat-1.0"))
    #expect(measures.map(\.missingReason) == [nil, "no_transcript"])
  }

  struct Beside: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let fileExtension: String
    let text: String
    let words: Int?
    let missing: String?
  }

  static let textGridHead = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n"

  /// Transcripts of P01's answer as the project and its tools write them: each is P01's speech.
  static let beside: [Beside] = [
    Beside(
      testDescription: "a *P01: CHAT tier", fileExtension: "cha",
      text:
        "@UTF8\n@Begin\n@Languages:\tfra\n@Participants:\tP01 Participant\n*P01:\tle verger de mon grand-père .\n@End\n",
      words: 5, missing: nil),
    Beside(
      testDescription: "a TextGrid tier named P01", fileExtension: "TextGrid",
      text: textGridHead + "0 0.5 <exists> 1\n\"IntervalTier\" \"P01\" 0 0.5 1\n0 0.5 \"on allait au marché .\"\n",
      words: 4, missing: nil),
    Beside(
      testDescription: "an ASR file whose only speaker is SPEAKER_00", fileExtension: "json",
      text: """
        {"segments": [{"start": 0.1, "end": 0.4, "speaker": "SPEAKER_00", "text": "il y a des fleurs.",
          "words": [{"word": "il", "start": 0.1, "end": 0.2}, {"word": "fleurs.", "start": 0.3, "end": 0.4}]}]}
        """, words: 5, missing: nil),
    Beside(
      testDescription: "an empty TextGrid: missing, because no speech of the speaker", fileExtension: "TextGrid",
      text: textGridHead + "0 0.5 <absent>\n", words: nil, missing: "no_speech_of_speaker"),
  ]

  @Test(arguments: beside)
  func theParticipantsSpeechIsMeasuredWhateverTheFormatCallsIt(_ example: Beside) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try example.text.write(
      to: fixture.recordings[0].deletingPathExtension().appendingPathExtension(example.fileExtension),
      atomically: true, encoding: .utf8)
    let run = try CommandRun.connectage(["analyze", "session", "--db", fixture.databasePath])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let measures = try #require(try fixture.measures().min { $0.answer < $1.answer })
    #expect(measures.words == example.words)
    #expect(measures.missingReason == example.missing)
    if example.words == nil { #expect(run.standardOutput.contains("no_speech_of_speaker")) }
  }

  struct Refused: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let fileExtension: String
    let text: String
    let message: String
  }

  static let refused: [Refused] = [
    Refused(
      testDescription: "ASR times inverted", fileExtension: "json",
      text: "{\"segments\": [\n{\"start\": 0.4, \"end\": 0.1, \"text\": \"oui.\"}]}",
      message: "-turn1.json:2:23: « end » = 0.1 s avant « start » = 0.4 s"),
    Refused(
      testDescription: "ASR times of 1e308", fileExtension: "json",
      text: "{\"segments\": [\n{\"start\": 0.1, \"end\": 1e308, \"text\": \"oui.\"}]}",
      message: "-turn1.json:2:1: « oui . » (PAR) est daté à 1e+308 s, hors de l'enregistrement"),
    Refused(
      testDescription: "two ASR speakers", fileExtension: "json",
      text: """
        {"segments": [{"start": 0.1, "end": 0.2, "speaker": "SPEAKER_00", "text": "oui."},
          {"start": 0.2, "end": 0.3, "speaker": "SPEAKER_01", "text": "non."}]}
        """,
      message: "plusieurs locuteurs possibles pour la réponse (SPEAKER_00, SPEAKER_01)"),
    Refused(
      testDescription: "a CHAT file without @End", fileExtension: "cha",
      text: "@UTF8\n@Begin\n*PAR:\toui .\n", message: "-turn1.cha:4:1: @End manquant"),
    Refused(
      testDescription: "TextGrid intervals inverted", fileExtension: "TextGrid",
      text: textGridHead + "0 0.5 <exists> 1\n\"IntervalTier\" \"P01\" 0 0.5 1\n0.5 0.2 \"oui .\"\n",
      message: "-turn1.TextGrid:5:1: tier « P01 », intervalle 1 : fin 0.2 s avant le début 0.5 s"),
  ]

  /// Exit 2 with file:line, and nothing filed: the other answer, well transcribed, is not measured either.
  @Test(arguments: refused)
  func aTranscriptThatCannotBeThisAnswerIsRefusedAndNothingIsFiled(_ example: Refused) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let before = try fixture.measures()
    try "@UTF8\n@Begin\n*P01:\tle verger .\n@End\n".write(
      to: fixture.recordings[0].deletingPathExtension().appendingPathExtension("cha"), atomically: true,
      encoding: .utf8)
    try example.text.write(
      to: fixture.recordings[1].deletingPathExtension().appendingPathExtension(example.fileExtension),
      atomically: true, encoding: .utf8)
    let run = try CommandRun.connectage(["analyze", "session", "--db", fixture.databasePath])
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains(example.message), "\(run.standardError)")
    #expect(try fixture.measures() == before)
  }

  @Test func aRecordingChangedSinceTheSessionIsRefused() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let handle = try FileHandle(forWritingTo: fixture.recordings[1])
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0, 0]))
    try handle.close()

    let run = try CommandRun.connectage(["analyze", "session", "--db", fixture.databasePath])
    #expect(run.exitCode == 1)
    #expect(
      run.standardError
        == "L'enregistrement \(fixture.recordings[1].path) a été modifié depuis la séance (empreinte SHA-256 différente) : remettez l'original ; les mesures doivent décrire la réponse telle qu'elle a été enregistrée.\n"
    )
  }

  @Test func noMatchingAnswerIsBadInput() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let run = try CommandRun.connectage(["analyze", "session", "--db", fixture.databasePath, "--session", "G09-S01"])
    #expect(run.exitCode == 2)
    #expect(run.standardError == "Aucune réponse enregistrée ne correspond : vérifiez --session, --study et --db.\n")
  }
}
