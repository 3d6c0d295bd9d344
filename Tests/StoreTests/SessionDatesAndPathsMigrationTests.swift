import Foundation
import SessionModel
import TestSupport
import Testing

@testable import Store

/// Databases written before `v3-session-dates` and `v3-relative-recording-paths` are brought up to
/// date when opened: sessions that ran get their day, recordings inside the data folder lose the
/// folder.
@Suite struct SessionDatesAndPathsMigrationTests {
  @Test func anOlderDatabaseGetsSessionDatesAndRelativeRecordingPaths() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("study/db.sqlite").path
    let inside = folder.appendingPathComponent("study/recordings/S01/T1-P01.wav").path
    let outside = "/srv/elsewhere/T2-P01.wav"
    do {
      let database = try SessionDatabase(path: path)
      for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
        try database.participants.add(participant)
      }
      try database.groups.add(StoreFixtures.group)
      try database.sessions.save(StoreFixtures.firstSession)
      try database.eventLog.append(StoreFixtures.event("S01", "session.opened", at: 0))
      for (trial, file) in [("T1", inside), ("T2", outside)] {
        try database.recordings.save(
          Recording(
            session: "S01", trial: TrialID(trial), participant: code("P01"), path: file,
            sha256: String(repeating: "0", count: 64), durationSeconds: 1))
      }
    }
    // Back to how the two migrations found it: absolute paths, no session_date column.
    let undo = try SQLiteShell.run(
      """
      UPDATE recording SET path = '\(inside)' WHERE trial_id = 'T1';
      ALTER TABLE session DROP COLUMN session_date;
      DELETE FROM grdb_migrations WHERE identifier IN ('v3-session-dates', 'v3-relative-recording-paths');
      """, on: path)
    #expect(undo.status == 0, "\(undo.output)")

    let database = try SessionDatabase(path: path)
    let recordings = try database.recordings.fetchAll().map(\.path)
    #expect(recordings == ["recordings/S01/T1-P01.wav", outside])
    #expect(database.recordingFile(atStoredPath: recordings[0]).path == inside)
    let session = try #require(try database.sessions.fetch("S01"))
    #expect(session.date == CalendarDate("2027-01-14"))
    let day = Calendar.current.dateComponents([.year, .month, .day], from: StoreFixtures.morning)
    #expect(session.heldOn == CalendarDate(year: day.year!, month: day.month!, day: day.day!))
  }

  @Test func newRecordingsAreStoredRelativeToTheDataFolderAndSessionDatesRoundTrip() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SessionDatabase(path: folder.appendingPathComponent("db.sqlite").path)
    #expect(database.storedPath(for: folder.appendingPathComponent("recordings/a.wav")) == "recordings/a.wav")
    #expect(database.storedPath(for: folder.appendingPathComponent("x/../b.wav")) == "b.wav")
    #expect(database.storedPath(for: folder) == ".")
    #expect(database.storedPath(for: URL(fileURLWithPath: "/srv/c.wav")) == "/srv/c.wav")
    #expect(database.recordingFile(atStoredPath: ".").standardizedFileURL.path == folder.standardizedFileURL.path)

    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    var session = StoreFixtures.firstSession
    session.heldOn = CalendarDate("2026-12-06")
    try database.sessions.save(session)
    #expect(try database.sessions.fetch("S01")?.heldOn == CalendarDate("2026-12-06"))
    // Saving the plan again (no day yet) keeps the day it was held.
    try database.sessions.save(StoreFixtures.firstSession)
    #expect(try database.sessions.fetch("S01")?.heldOn == CalendarDate("2026-12-06"))
  }
}

/// A study keeps its protocol's participant-code pattern; unknown studies use the standard one.
@Suite struct StudyCodePatternTests {
  @Test func aStudysPatternRoundTripsAndTheStandardOneIsTheDefault() throws {
    let database = try SessionDatabase.inMemory()
    let pattern = try #require(ParticipantCodePattern("AVC-[0-9]{3}"))
    try database.studies.save(
      Study(id: "espoir-avc", title: "ESPOIR", protocolName: "espoir-avc", participantCodes: pattern))
    try database.studies.save(Study(id: "demo", title: "Demo", protocolName: "demo"))
    #expect(try database.studies.participantCodes(of: "espoir-avc") == pattern)
    #expect(try database.studies.participantCodes(of: "demo") == .standard)
    #expect(try database.studies.participantCodes(of: "unknown") == .standard)
    #expect(try database.studies.participantCodes(of: nil) == .standard)
  }
}
