import Foundation
internal import GRDB
import SessionModel

/// Attendance facts: who was present, absent (and why) or left early at each planned session,
/// where a missed session was made up, and who recorded each fact. Each record is also appended to
/// the event log (`attendance.recorded`) in the same transaction, so the log tells the whole story.
public struct AttendanceRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Records (or corrects) one participant's attendance at one planned session.
  ///
  /// The event goes under the planned session's id (`G01-S03`), not a run's: attendance is about the
  /// planned session, and a run's own log stays what the run itself wrote.
  ///
  /// - Throws: ``StoreError/unknownParticipant(_:)`` when the participant is not registered.
  public func record(_ attendance: Attendance, at date: Date = Date()) throws {
    let planned = SessionID(
      "\(attendance.group.rawValue)-S\(attendance.sessionNumber < 10 ? "0" : "")\(attendance.sessionNumber)")
    let event = SessionEvent(
      session: planned, monotonicNanoseconds: MonotonicClock.nanoseconds(),
      wallClock: date, .attendance(.recorded(attendance)))
    let payload = try EventLog.payloadText(event.payload)
    try database.write { db in
      guard try ParticipantRepository.exists(attendance.participant, in: db) else {
        throw StoreError.unknownParticipant(attendance.participant)
      }
      try db.execute(
        sql: """
          INSERT INTO attendance (study_id, group_id, session_number, participant_code, status, reason, made_up_in,
            recorded_at, recorded_by)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (study_id, group_id, session_number, participant_code) DO UPDATE SET
            status = excluded.status, reason = excluded.reason, made_up_in = excluded.made_up_in,
            recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
          """,
        arguments: [
          attendance.study.rawValue, attendance.group.rawValue, attendance.sessionNumber,
          attendance.participant.rawValue, attendance.status.rawValue, attendance.reason?.rawValue,
          attendance.madeUpIn?.rawValue, WallClockText.text(for: date), attendance.recordedBy?.rawValue,
        ])
      _ = try EventLog.insert(event, payload: payload, in: db)
    }
  }

  /// The study's attendance (every study's when `nil`), by study, group, session number and participant.
  public func fetchAll(study: StudyID? = nil) throws -> [Attendance] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM attendance WHERE ? IS NULL OR study_id = ?
          ORDER BY study_id, group_id, session_number, participant_code
          """, arguments: [study?.rawValue, study?.rawValue]
      ).map(Self.attendance)
    }
  }

  private static func attendance(_ row: Row) throws -> Attendance {
    Attendance(
      study: StudyID(rawValue: row["study_id"]), group: GroupID(rawValue: row["group_id"]),
      sessionNumber: row["session_number"], participant: try RowValue.code(row["participant_code"]),
      status: try RowValue.decode(AttendanceStatus.self, row["status"]),
      reason: try (row["reason"] as String?).map { try RowValue.decode(AbsenceReason.self, $0) },
      madeUpIn: (row["made_up_in"] as String?).map(SessionID.init(rawValue:)),
      recordedBy: try (row["recorded_by"] as String?).map { try RowValue.decode(AttendanceSource.self, $0) })
  }
}

extension SessionDatabase {
  public var attendance: AttendanceRepository { AttendanceRepository(database: self) }
}
