import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@Suite struct DatabaseCheckTests {
  /// A file database with the planned fixtures and one recording of three known bytes.
  private func recordedDatabase(in folder: URL) throws -> (SessionDatabase, Recording) {
    let path = folder.appendingPathComponent("connectage.sqlite").path
    let database = try SessionDatabase(path: path)
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("audio"), withIntermediateDirectories: true)
    try Data("abc".utf8).write(to: folder.appendingPathComponent("audio/S01_T1_P01.wav"))
    let recording = try Recording.ofFile(
      at: folder.appendingPathComponent("audio/S01_T1_P01.wav").path, session: "S01", trial: "T1",
      participant: code("P01"),
      durationSeconds: 8)
    var relative = recording
    relative.path = "audio/S01_T1_P01.wav"
    try database.recordings.save(relative)
    try database.eventLog.append(StoreFixtures.event("S01", "session.started", at: 0))
    return (database, relative)
  }

  @Test func aConsistentDatabaseHasNoProblem() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, recording) = try recordedDatabase(in: folder)
    #expect(recording.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let report = try database.check.run()
    #expect(
      report
        == DatabaseCheckReport(participants: 2, groups: 1, sessions: 1, events: 1, recordings: 1, problems: []))
    #expect(
      report.summary.french == """
        Vérifié : 2 participants, 1 groupe, 1 séance, 1 événement, 1 enregistrement.
        Aucun problème trouvé.
        """)
    #expect(
      report.summary.english == """
        Checked: 2 participants, 1 group, 1 session, 1 event, 1 recording.
        No problem found.
        """)
  }

  @Test func eventsOfAnUnknownSessionAreReported() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.eventLog.append(StoreFixtures.event("S01", "session.started", at: 0))
    try database.eventLog.append(StoreFixtures.event("S77", "session.started", at: 1))
    try database.eventLog.append(StoreFixtures.event("S77", "pad.pressed", at: 2))
    let report = try database.check.run()
    #expect(report.problems == [.eventsOfUnknownSession("S77", count: 2)])
    #expect(
      report.summary.french == """
        Vérifié : 3 participants, 1 groupe, 2 séances, 3 événements, 0 enregistrement.
        1 problème trouvé :
        - 2 événements appartiennent à la séance S77, inconnue de la base.
        """)
  }

  @Test func aMissingRecordingIsReported() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, recording) = try recordedDatabase(in: folder)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("audio/S01_T1_P01.wav"))
    let report = try database.check.run()
    #expect(report.problems == [.missingRecordingFile(recording)])
    #expect(
      report.problems.first?.message.french
        == "L'enregistrement de P01 (séance S01, essai T1) est introuvable : audio/S01_T1_P01.wav.")
  }

  @Test func aChangedRecordingIsReportedWithItsNewHash() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, recording) = try recordedDatabase(in: folder)
    try Data("abd".utf8).write(to: folder.appendingPathComponent("audio/S01_T1_P01.wav"))
    let report = try database.check.run()
    #expect(
      report.problems == [
        .changedRecordingFile(
          // sha256sum of the three bytes "abd".
          recording, actualSHA256: "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9")
      ])
  }

  @Test func aBrokenReferenceWrittenBehindTheStoresBackIsReported() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, _) = try recordedDatabase(in: folder)
    // The sqlite3 shell does not enforce foreign keys unless asked: the kind of edit db check exists for.
    try SQLiteShell.run(
      "INSERT INTO group_member (group_id, participant_code, position) VALUES ('G1', 'P42', 3)",
      on: folder.appendingPathComponent("connectage.sqlite").path)
    let report = try database.check.run()
    #expect(report.problems.count == 1)
    guard case .brokenReference(let table, _, let parent) = report.problems.first else {
      Issue.record("expected a broken reference, got \(report.problems)")
      return
    }
    #expect(table == "group_member")
    #expect(parent == "participant")
  }
}
