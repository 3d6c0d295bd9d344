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
    try database.write { db in try Self.save(recording, in: db) }
  }

  /// Files one answer: its recording and the measures taken from it, in one transaction, so that
  /// both are stored or neither. Recovery files a take only when no recording names it, so a
  /// recording stored without its own measures (a crash or a refused measure in between) would
  /// leave the answer out of the exports, or beside an earlier take's measures, for good.
  ///
  /// - Throws: as ``save(_:)`` and ``MeasureRepository/save(_:)``; nothing is stored then.
  public func save(_ recording: Recording, measuredAs measures: AnswerMeasures) throws {
    try save([(recording, measures)])
  }

  /// Files several answers in one transaction: all of them or none (measuring a study again).
  public func save(_ answers: [(recording: Recording, measures: AnswerMeasures)]) throws {
    precondition(
      answers.allSatisfy { $0.measures.answer == $0.recording.answer },
      "the measures of another answer than the recording's")
    try database.write { db in
      for answer in answers {
        try Self.save(answer.recording, in: db)
        try MeasureRepository.save(answer.measures, in: db)
      }
    }
  }

  private static func save(_ recording: Recording, in db: Database) throws {
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
