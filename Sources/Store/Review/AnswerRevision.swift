internal import GRDB

/// Each answer's revision: 0 until its measures or review records first change, then one more with
/// every change, so a save can say which version it was based on and be refused when it is stale.
enum AnswerRevision {
  /// The answer's revision; ``StoreError/unknownAnswer(_:)`` when it has no measures.
  static func current(_ answer: AnswerKey, in db: Database) throws -> Int {
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT r.revision FROM answer_measures m
        LEFT JOIN answer_revision r USING (session_id, trial_id, participant_code)
        WHERE m.session_id = ? AND m.trial_id = ? AND m.participant_code = ?
        """,
      arguments: arguments(answer))
    guard let row else { throw StoreError.unknownAnswer(answer) }
    return row["revision"] ?? 0
  }

  static func advance(_ answer: AnswerKey, in db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO answer_revision (session_id, trial_id, participant_code, revision) VALUES (?, ?, ?, 1)
        ON CONFLICT (session_id, trial_id, participant_code) DO UPDATE SET revision = revision + 1
        """,
      arguments: arguments(answer))
  }

  static func arguments(_ answer: AnswerKey) -> StatementArguments {
    [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue]
  }
}
