import Foundation
internal import GRDB
import SessionModel

/// Looks for damage and loose ends: SQLite's own checks, events of unknown sessions, stored values
/// out of range, recordings whose file is missing or no longer has the hash recorded at analysis,
/// and answers the log announced that were never filed.
public struct DatabaseCheck: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Runs every check; a problem found is in the report, only a failure to check throws.
  public func run() throws -> DatabaseCheckReport {
    var report = try database.read { db in
      var problems: [DatabaseProblem] = []
      for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
        problems.append(.damagedFile(message))
      }
      for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
        problems.append(.brokenReference(table: row["table"], row: row["rowid"] ?? 0, missingIn: row["parent"]))
      }
      // Attendance entered after the fact is logged under the planned session (`G01-S03`), which no run names.
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT session_id, COUNT(*) AS count FROM event
          WHERE session_id NOT IN (SELECT id FROM session) AND type NOT LIKE 'attendance.%'
          GROUP BY session_id ORDER BY session_id
          """)
      {
        problems.append(.eventsOfUnknownSession(SessionID(rawValue: row["session_id"]), count: row["count"]))
      }
      func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      return DatabaseCheckReport(
        participants: try count("participant"), groups: try count("participant_group"),
        sessions: try count("session"), events: try count("event"), recordings: try count("recording"),
        problems: problems)
    }
    report.problems += try outOfRangeValues()
    for recording in try database.recordings.fetchAll() {
      if let problem = problem(with: recording) {
        report.problems.append(problem)
      }
    }
    report.problems += try unfiledAnswers()
    return report
  }

  private func problem(with recording: Recording) -> DatabaseProblem? {
    let path = database.recordingFile(atStoredPath: recording.path).path
    guard FileManager.default.fileExists(atPath: path) else {
      return .missingRecordingFile(recording)
    }
    guard let actual = try? SHA256.hexDigest(ofFileAt: path) else {
      return .missingRecordingFile(recording)
    }
    return actual == recording.sha256 ? nil : .changedRecordingFile(recording, actualSHA256: actual)
  }

}

extension SessionDatabase {
  public var check: DatabaseCheck { DatabaseCheck(database: self) }
}
