import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// Inclusion fields and attendance facts: stored as given, corrected in place, logged, refused when
/// they make no sense.
@Suite struct AttendanceRepositoryTests {
  static func code(_ text: String) -> ParticipantCode { ParticipantCode(rawValue: text)! }

  @Test func inclusionFieldsRoundTripAndKeepOnlyTheMonth() throws {
    let database = try SessionDatabase.inMemory()
    let participant = Participant(
      code: Self.code("P01"), study: "espoir-avc", smell: .hyposmic, hasMemoryDisorder: true,
      strokeMonth: StrokeMonth("2026-09"), strokeCount: 1, lesionSide: .right, languageAssessment: .noDisorder)
    try database.participants.add(participant)
    #expect(try database.participants.fetch(Self.code("P01")) == participant)
    let plain = Participant(code: Self.code("P02"))
    try database.participants.add(plain)
    #expect(try database.participants.fetch(Self.code("P02")) == plain)
  }

  @Test func attendanceIsRecordedCorrectedAndLogged() throws {
    let database = try SessionDatabase.inMemory()
    for text in ["P01", "P02"] { try database.participants.add(Participant(code: Self.code(text))) }
    let absent = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 3, participant: Self.code("P02"), status: .absent,
      reason: .ill, recordedBy: .therapist)
    let present = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 3, participant: Self.code("P01"), status: .present,
      recordedBy: .recovery)
    try database.attendance.record(absent)
    try database.attendance.record(present)
    var madeUp = absent
    madeUp.madeUpIn = "G02-S03-20270208T093000-00beef"
    try database.attendance.record(madeUp)
    #expect(try database.attendance.fetchAll(study: "espoir-avc") == [present, madeUp])
    #expect(try database.attendance.fetchAll(study: "demo").isEmpty)
    let logged = try database.eventLog.events(in: "G01-S03").map(\.event.kind)
    #expect(logged == [absent, present, madeUp].map { .attendance(.recorded($0)) })
  }

  /// Attendance recorded before the database kept who recorded it reads as nobody's; the schema
  /// refuses a source it does not know.
  @Test func attendanceRecordedBeforeItsSourceWasKeptReadsAsNobodys() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db.sqlite").path
    let older = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 1, participant: Self.code("P01"), status: .present,
      recordedBy: .run)
    do {
      let database = try SessionDatabase(path: path)
      try database.participants.add(Participant(code: Self.code("P01")))
      try database.attendance.record(older)
    }
    let undo = try SQLiteShell.run(
      """
      ALTER TABLE attendance DROP COLUMN recorded_by;
      DELETE FROM grdb_migrations WHERE identifier = 'v8-attendance-source';
      """, on: path)
    #expect(undo.status == 0, "\(undo.output)")

    let database = try SessionDatabase(path: path)
    var unknown = older
    unknown.recordedBy = nil
    #expect(try database.attendance.fetchAll() == [unknown])
    let refused = try SQLiteShell.run("UPDATE attendance SET recorded_by = 'robot';", on: path)
    #expect(refused.status != 0)
    #expect(try database.attendance.fetchAll() == [unknown])
  }

  @Test func anUnknownParticipantIsRefusedAndNothingIsLogged() throws {
    let database = try SessionDatabase.inMemory()
    let ghost = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 1, participant: Self.code("P09"), status: .present,
      recordedBy: .run)
    #expect(throws: StoreError.unknownParticipant(Self.code("P09"))) { try database.attendance.record(ghost) }
    #expect(try database.eventLog.allEvents().isEmpty)
  }

  /// The schema itself refuses an absence without a reason and a reason without an absence.
  @Test(arguments: [
    (AttendanceStatus.absent, AbsenceReason?.none), (AttendanceStatus.present, AbsenceReason?.some(.ill)),
  ])
  func aReasonGoesWithAnAbsenceOnly(_ status: AttendanceStatus, _ reason: AbsenceReason?) throws {
    let database = try SessionDatabase.inMemory()
    try database.participants.add(Participant(code: Self.code("P01")))
    let wrong = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 1, participant: Self.code("P01"), status: status,
      reason: reason, recordedBy: .therapist)
    #expect(throws: (any Error).self) { try database.attendance.record(wrong) }
    #expect(try database.attendance.fetchAll().isEmpty)
    #expect(try database.eventLog.allEvents().isEmpty)
  }
}
