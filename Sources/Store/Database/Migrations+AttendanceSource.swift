internal import GRDB

extension Migrations {
  /// Who recorded each attendance status: `therapist`, `run` or `recovery` (SessionModel's
  /// `AttendanceSource`). Rows recorded before stay NULL: nothing in the database tells whether the
  /// therapist or a run wrote them.
  static func attendanceSource(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE attendance ADD COLUMN recorded_by TEXT
          CHECK (recorded_by IN ('therapist', 'run', 'recovery'))
        """)
  }
}
