import Foundation
import SessionModel
import Store
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
      reason: .ill)
    let present = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 3, participant: Self.code("P01"), status: .present)
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

  @Test func anUnknownParticipantIsRefusedAndNothingIsLogged() throws {
    let database = try SessionDatabase.inMemory()
    let ghost = Attendance(
      study: "espoir-avc", group: "G01", sessionNumber: 1, participant: Self.code("P09"), status: .present)
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
      reason: reason)
    #expect(throws: (any Error).self) { try database.attendance.record(wrong) }
    #expect(try database.attendance.fetchAll().isEmpty)
    #expect(try database.eventLog.allEvents().isEmpty)
  }
}
