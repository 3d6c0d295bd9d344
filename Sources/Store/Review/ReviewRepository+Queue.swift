import Foundation
internal import GRDB
import SessionModel

/// The blind review queue, read a page at a time: answers in the order of their opaque ids (a
/// keyed hash, kept in `answer_blind_key` with an index), each answer's state computed by SQL
/// from its latest codings, so that a page costs one pass of SQLite over the keys and states and
/// the page's own records, never a hash or a record read per answer of the study.
extension ReviewRepository {
  /// The measured answer an opaque id names (among `sessions`' when given), or nil: an unknown id,
  /// a path, anything else.
  public func answer(withID id: String, in sessions: Set<SessionID>? = nil) throws -> AnswerKey? {
    guard id.hasPrefix("A-"), id.count == 14 else { return nil }
    func lookUp() throws -> AnswerKey? {
      try database.read { db in
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT k.session_id, k.trial_id, k.participant_code FROM answer_blind_key k
            JOIN answer_measures m USING (session_id, trial_id, participant_code)
            WHERE k.answer_id = :id AND \(Self.sessionFilter)
            """,
          arguments: Self.arguments(["id": id], sessions: sessions))
        return try row.map(Self.answer(in:))
      }
    }
    if let known = try lookUp() { return known }
    // An answer filed since the keys were last filled.
    return try fillBlindKeys() ? lookUp() : nil
  }

  /// Every measured answer of `sessions` (all when nil) with its state and revision, in opaque-id
  /// order (which follows neither trials nor conditions).
  public func queue(in sessions: Set<SessionID>? = nil) throws -> [ReviewQueueEntry] {
    try queuePage(in: sessions, offset: 0, limit: .max).entries
  }

  /// The answers at `offset..<offset + limit`, in opaque-id order, of those of `sessions` (all when
  /// nil) in `state` (any when nil); how many match, and how many are in each state over the whole
  /// queue. Only the page's answers have their coders read.
  public func queuePage(
    in sessions: Set<SessionID>? = nil, state: ReviewState? = nil, offset: Int, limit: Int
  ) throws -> ReviewQueuePage {
    try fillBlindKeys()
    return try database.read { db in
      var counts: [ReviewState: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: Self.queueStates + "SELECT state, count(*) AS n FROM queue GROUP BY state",
        arguments: Self.arguments([:], sessions: sessions))
      {
        counts[try RowValue.decode(ReviewState.self, row["state"])] = row["n"]
      }
      let rows = try Row.fetchAll(
        db,
        sql: Self.queueStates + """
          SELECT * FROM queue WHERE :state IS NULL OR state = :state
          ORDER BY position LIMIT :limit OFFSET :offset
          """,
        arguments: Self.arguments(
          ["state": state?.rawValue, "limit": Int64(clamping: max(0, limit)), "offset": max(0, offset)],
          sessions: sessions))
      let entries = try rows.map { row in
        let answer = try Self.answer(in: row)
        return ReviewQueueEntry(
          id: row["answer_id"], answer: answer, position: row["position"], revision: row["revision"],
          state: try RowValue.decode(ReviewState.self, row["state"]),
          coders: Set(try AnswerReview.of(answer, db: db).coders.keys))
      }
      let matching = state.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
      return ReviewQueuePage(entries: entries, total: matching, stateCounts: counts)
    }
  }

  /// Where the answer `id` stands in the queue of `sessions` (all when nil): its place, the queue's
  /// length and its neighbours' ids; nil when the id names no answer of the queue.
  public func place(ofID id: String, in sessions: Set<SessionID>? = nil) throws -> ReviewQueuePlace? {
    try database.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          WITH queue AS (
            SELECT k.answer_id FROM answer_measures m
            JOIN answer_blind_key k USING (session_id, trial_id, participant_code) WHERE \(Self.sessionFilter))
          SELECT EXISTS (SELECT 1 FROM queue WHERE answer_id = :id) AS known,
            (SELECT count(*) FROM queue WHERE answer_id < :id) + 1 AS position,
            (SELECT count(*) FROM queue) AS total,
            (SELECT max(answer_id) FROM queue WHERE answer_id < :id) AS previous,
            (SELECT min(answer_id) FROM queue WHERE answer_id > :id) AS next
          """,
        arguments: Self.arguments(["id": id], sessions: sessions))
      guard let row, row["known"] as Bool else { return nil }
      return ReviewQueuePlace(
        position: row["position"], total: row["total"], previous: row["previous"], next: row["next"])
    }
  }

  /// Gives every measured answer without one its opaque id; whether any was missing.
  @discardableResult
  func fillBlindKeys() throws -> Bool {
    let missing = try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT session_id, trial_id, participant_code FROM answer_measures m WHERE NOT EXISTS (
            SELECT 1 FROM answer_blind_key k WHERE k.session_id = m.session_id AND k.trial_id = m.trial_id
              AND k.participant_code = m.participant_code)
          """
      ).map(Self.answer(in:))
    }
    guard !missing.isEmpty else { return false }
    let key = try CodingSheetKey.of(database)
    try database.write { db in
      for answer in missing {
        try db.execute(
          sql: """
            INSERT INTO answer_blind_key (session_id, trial_id, participant_code, answer_id) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
          arguments: AnswerRevision.arguments(answer) + [key.answerID(answer)])
      }
    }
    return true
  }

  private static func answer(in row: Row) throws -> AnswerKey {
    AnswerKey(
      session: SessionID(rawValue: row["session_id"]), trial: TrialID(rawValue: row["trial_id"]),
      participant: try RowValue.code(row["participant_code"]))
  }

  private static func arguments(_ values: [String: (any DatabaseValueConvertible)?], sessions: Set<SessionID>?)
    -> StatementArguments
  {
    var values = values
    let list: String? = sessions.flatMap { sessions in
      (try? JSONEncoder().encode(sessions.map(\.rawValue).sorted())).map { String(decoding: $0, as: UTF8.self) }
    }
    // Subscript assignment of nil would remove the key; the statement needs it bound to NULL.
    values.updateValue(list, forKey: "sessions")
    return StatementArguments(values)
  }

  private static let sessionFilter = "(:sessions IS NULL OR m.session_id IN (SELECT value FROM json_each(:sessions)))"

  /// A coder code, as `CoderCode` accepts it: codings under anything else (an old sheet's) are left
  /// out of the states, as out of agreement.
  private static let validCoder =
    "length(coder) BETWEEN 1 AND 16 AND coder GLOB '[A-Z]*' AND coder NOT GLOB '*[^A-Z0-9-]*'"

  /// `queue`: each answer of the sessions chosen with its opaque id, place, revision and state, by
  /// the rule of `AnswerReview.state(transcribed:)` (the tests hold the two to the same answers).
  private static let queueStates = """
    WITH latest AS (
      SELECT session_id, trial_id, participant_code, memories_n
      FROM (\(LatestPerCoder.rows(of: "memory_coding", by: "coded_at")))
      WHERE \(validCoder)
    ), coded AS (
      SELECT session_id, trial_id, participant_code, count(*) AS codings, count(DISTINCT memories_n) AS counts
      FROM latest GROUP BY session_id, trial_id, participant_code
    ), queue AS (
      SELECT k.answer_id, m.session_id, m.trial_id, m.participant_code, coalesce(r.revision, 0) AS revision,
        row_number() OVER (ORDER BY k.answer_id, m.session_id, m.trial_id, m.participant_code) AS position,
        CASE
          WHEN c.codings IS NULL THEN
            CASE WHEN m.words IS NOT NULL OR EXISTS (
              SELECT 1 FROM reviewed_transcript t WHERE t.session_id = m.session_id AND t.trial_id = m.trial_id
                AND t.participant_code = m.participant_code)
            THEN 'transcribed' ELSE 'to_transcribe' END
          WHEN c.codings = 1 THEN 'coded_once'
          WHEN c.counts = 1 OR EXISTS (
            SELECT 1 FROM consensus s WHERE s.session_id = m.session_id AND s.trial_id = m.trial_id
              AND s.participant_code = m.participant_code AND s.measure = 'memories')
          THEN 'agreed'
          ELSE 'coded_twice'
        END AS state
      FROM answer_measures m
      JOIN answer_blind_key k USING (session_id, trial_id, participant_code)
      LEFT JOIN answer_revision r USING (session_id, trial_id, participant_code)
      LEFT JOIN coded c USING (session_id, trial_id, participant_code)
      WHERE \(sessionFilter)
    )

    """
}

/// One answer in the review queue. `answer` is for the server only: a page shows the `id`.
public struct ReviewQueueEntry: Hashable, Sendable {
  public var id: String
  public var answer: AnswerKey
  /// 1-based place in the whole queue of the sessions asked for, whatever the state asked for.
  public var position: Int
  public var revision: Int
  public var state: ReviewState
  /// Who has saved anything on it.
  public var coders: Set<CoderCode>
}

/// A page of the review queue, how many answers match the state asked for, and how many are in
/// each state over the whole queue.
public struct ReviewQueuePage: Hashable, Sendable {
  public var entries: [ReviewQueueEntry]
  public var total: Int
  public var stateCounts: [ReviewState: Int]
}

/// Where one answer stands in the queue: the answer page's "n of N" and its neighbours.
public struct ReviewQueuePlace: Hashable, Sendable {
  /// 1-based.
  public var position: Int
  public var total: Int
  public var previous: String?
  public var next: String?
}
