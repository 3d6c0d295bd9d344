import Foundation
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
    #expect(lines.first == "séance   essai       participant  mots  idées  souvenirs  transcription")
    #expect(lines.count == 4)
    // 11 words (grand-père is one), and "on y allait tous les dimanches" is a habitual past: one memory.
    #expect(lines[1] == "G01-S01  G01-S01-T1  P01          11    4      1          G01-S01-T1-P01-turn1.cha")
    #expect(lines[2].hasSuffix("–     –      –          (audio seul)"))
    #expect(
      lines[3]
        == "2 réponse(s) mesurée(s) et enregistrée(s), dont 1 avec transcription ; 1 mesurée(s) sur l'audio seul.")

    let measures = try fixture.measures().sorted { $0.answer < $1.answer }
    #expect(measures.map(\.words) == [11, nil], "the patient's words only, not the therapist's prompt")
    #expect(measures[0].ruleSetVersion.hasSuffix("wc-fr-chat-1.0"))
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
