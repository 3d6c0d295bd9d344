import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// `db check` names every answer the log announced that nothing accounts for: the trace a full
/// disk or a failed filing leaves, which used to pass as "no problem".
@Suite struct UnfiledAnswerCheckTests {
  /// One way a session's log can end for P01's answer to T1.
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    /// Events after `session.opened`, as (type, turn, redo).
    let takes: [(type: String, turn: Int, redo: Int)]
    let filed: Bool
    let closed: Bool
    let unfiledTakes: Int?
    var testDescription: String { id }
  }

  /// A database in `folder` with the fixture's study: its participants, group and first session.
  static func database(in folder: URL) throws -> SessionDatabase {
    let database = try SessionDatabase(path: folder.appendingPathComponent("connectage.sqlite").path)
    try database.participants.add(StoreFixtures.firstParticipant)
    try database.participants.add(StoreFixtures.secondParticipant)
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    return database
  }

  @Test(arguments: [
    Case(id: "one take, filed", takes: [("recording.started", 1, 0)], filed: true, closed: true, unfiledTakes: nil),
    Case(
      id: "one take, nothing filed", takes: [("recording.started", 1, 0)], filed: false, closed: true, unfiledTakes: 1),
    Case(
      id: "one take, its failure logged", takes: [("recording.started", 1, 0), ("recording.failed", 1, 0)],
      filed: false, closed: true, unfiledTakes: nil),
    Case(
      id: "a redo filed over a superseded take",
      takes: [("recording.started", 1, 0), ("recording.started", 1, 1), ("recording.superseded", 1, 1)],
      filed: true, closed: true, unfiledTakes: nil),
    Case(
      id: "a second take lost, the first still filed",
      takes: [("recording.started", 1, 0), ("recording.started", 2, 0)],
      filed: true, closed: true, unfiledTakes: 1),
    Case(
      id: "the disk stopped a take, which was filed as it stood",
      takes: [("recording.started", 1, 0), ("recording.failed", 1, 0)], filed: true, closed: true, unfiledTakes: nil),
    Case(
      id: "a session still open is left to recovery", takes: [("recording.started", 1, 0)], filed: false,
      closed: false, unfiledTakes: nil),
  ])
  func announcedAnswersAreAccountedFor(_ c: Case) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try Self.database(in: folder)
    var offset: UInt64 = 0
    func log(_ type: String, _ payload: [String: String] = [:]) throws {
      offset += 1_000_000
      try database.eventLog.append(StoreFixtures.event("S01", EventType(rawValue: type), at: offset, payload))
    }
    try log("session.opened")
    for take in c.takes {
      let answer = ["trial": "T1", "player": "1", "participant": "P01"]
      // A superseded take is named by its file, as recovery and the filing queue log it.
      let details =
        take.type == "recording.superseded"
        ? ["replaced": "T1-P01-turn\(take.turn)-redo\(take.redo - 1).wav", "by": "T1-P01.wav"]
        : ["turn": String(take.turn), "redo": String(take.redo)]
      try log(take.type, answer.merging(details) { mine, _ in mine })
    }
    if c.filed {
      let file = folder.appendingPathComponent("T1-P01.wav")
      try Data("RIFF".utf8).write(to: file)
      try database.recordings.save(
        Recording.ofFile(at: file.path, session: "S01", trial: "T1", participant: code("P01"), durationSeconds: 2))
    }
    if c.closed { try log("session.ended") }

    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    let report = try database.check.run()
    #expect(report.problems == (c.unfiledTakes.map { [.unfiledAnswer(answer, takes: $0)] } ?? []))
  }

  /// A resumed run logs, under its own id, the earlier run's take it superseded. That explains the
  /// earlier run's take; a redo of the resumed run that was never filed is still named.
  @Test func aTakeSupersededAcrossRunsExplainsTheEarlierRunsTake() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try Self.database(in: folder)
    var resumed = StoreFixtures.firstSession
    resumed.id = "S01-R2"
    try database.sessions.save(resumed)
    var offset: UInt64 = 0
    func log(_ session: SessionID, _ type: String, _ payload: [String: String] = [:]) throws {
      offset += 1_000_000
      try database.eventLog.append(StoreFixtures.event(session, EventType(rawValue: type), at: offset, payload))
    }
    let answer = ["trial": "T1", "player": "1", "participant": "P01"]
    try log("S01", "session.opened")
    try log("S01", "recording.started", answer.merging(["turn": "1", "redo": "0"]) { mine, _ in mine })
    try log("S01", "session.interrupted")
    try log("S01-R2", "session.opened")
    try log("S01-R2", "recording.started", answer.merging(["turn": "1", "redo": "0"]) { mine, _ in mine })
    try log(
      "S01-R2", "recording.superseded",
      answer.merging(["replaced": "S01/T1-P01.wav", "by": "S01-R2/T1-P01.wav", "replacedSession": "S01"]) { m, _ in m })
    try log("S01-R2", "recording.started", answer.merging(["turn": "1", "redo": "1"]) { mine, _ in mine })
    try log("S01-R2", "session.ended")
    let file = folder.appendingPathComponent("T1-P01.wav")
    try Data("RIFF".utf8).write(to: file)
    try database.recordings.save(
      Recording.ofFile(at: file.path, session: "S01-R2", trial: "T1", participant: code("P01"), durationSeconds: 2))

    let redo = AnswerKey(session: "S01-R2", trial: "T1", participant: code("P01"))
    #expect(try database.check.run().problems == [.unfiledAnswer(redo, takes: 1)])
  }

  @Test func anAnswerOfAPlayerWithoutACodeIsNeverExpectedToBeFiled() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.eventLog.append(StoreFixtures.event("S01", "session.opened", at: 0))
    try database.eventLog.append(
      StoreFixtures.event("S01", "recording.started", at: 1, ["trial": "T1", "player": "4", "turn": "1", "redo": "0"]))
    try database.eventLog.append(StoreFixtures.event("S01", "session.ended", at: 2))
    #expect(try database.check.run().problems == [])
  }

  /// A latecomer's take recorded before the therapist named them is that participant's answer:
  /// unfiled, it is named like any other; filed under the code, nothing is left to account for.
  @Test(arguments: [false, true])
  func aLatecomersTakeNamedLaterIsExpectedUnderTheirCode(filed: Bool) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try Self.database(in: folder)
    try database.eventLog.append(StoreFixtures.event("S01", "session.opened", at: 0))
    try database.eventLog.append(
      StoreFixtures.event("S01", "recording.started", at: 1, ["trial": "T1", "player": "4", "turn": "1", "redo": "0"]))
    try database.eventLog.append(
      StoreFixtures.event("S01", "player.attributed", at: 2, ["player": "4", "participant": "P01"]))
    try database.eventLog.append(StoreFixtures.event("S01", "session.ended", at: 3))
    if filed {
      let file = folder.appendingPathComponent("T1-player4-turn1.wav")
      try Data("RIFF".utf8).write(to: file)
      try database.recordings.save(
        Recording.ofFile(at: file.path, session: "S01", trial: "T1", participant: code("P01"), durationSeconds: 2))
    }
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    #expect(try database.check.run().problems == (filed ? [] : [.unfiledAnswer(answer, takes: 1)]))
  }

  @Test func theProblemSaysWhichAnswerAndWhatToLookFor() {
    let problem = DatabaseProblem.unfiledAnswer(
      AnswerKey(session: "S01", trial: "T3", participant: code("P02")), takes: 1)
    #expect(
      problem.message.french
        == "La réponse de P02 (séance S01, essai T3) a été annoncée dans le journal (1 prise) mais jamais classée, sans échec journalisé : son fichier WAV est peut-être vide ou absent (disque plein ?). Vérifiez le dossier de la séance ; sans fichier utilisable, la réponse est manquante."
    )
    #expect(problem.message.english.contains("never filed"))
  }
}
