internal import GRDB
import SessionModel

/// Where each answer's audio is, how long it lasts, and its SHA-256.
public struct RecordingRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds the recording or replaces the one of the same answer.
  public func save(_ recording: Recording) throws {
    try database.write { db in
      try TrialRepository.requireTrial(recording.trial, in: recording.session, db: db)
      try db.execute(
        sql: """
          INSERT INTO recording (session_id, trial_id, participant_code, path, sha256, duration_s)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (session_id, trial_id, participant_code) DO UPDATE SET
            path = excluded.path, sha256 = excluded.sha256, duration_s = excluded.duration_s
          """,
        arguments: [
          recording.session.rawValue, recording.trial.rawValue, recording.participant.rawValue, recording.path,
          recording.sha256.lowercased(), recording.durationSeconds,
        ])
    }
  }

  /// The recording of one answer, or `nil`.
  public func fetch(_ answer: AnswerKey) throws -> Recording? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM recording WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
        arguments: [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue]
      ).map(Self.recording)
    }
  }

  /// Every recording, or those of one session, ordered by session, trial and participant.
  public func fetchAll(in session: SessionID? = nil) throws -> [Recording] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM recording WHERE (?1 IS NULL OR session_id = ?1)
          ORDER BY session_id, trial_id, participant_code
          """,
        arguments: [session?.rawValue]
      ).map(Self.recording)
    }
  }

  static func recording(_ row: Row) throws -> Recording {
    Recording(
      session: SessionID(rawValue: row["session_id"]),
      trial: TrialID(rawValue: row["trial_id"]),
      participant: try RowValue.code(row["participant_code"]),
      path: row["path"],
      sha256: row["sha256"],
      durationSeconds: row["duration_s"])
  }
}

extension SessionDatabase {
  public var recordings: RecordingRepository { RecordingRepository(database: self) }
}
