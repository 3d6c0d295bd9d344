import Foundation
internal import GRDB
import SessionModel

extension ReviewRepository {
  /// Saves `coder`'s first-word and last-word marks on the answer, beside the automatic ones and
  /// the other coders' (this coder's earlier marks are replaced; the log keeps them).
  ///
  /// - Throws: ``StaleRevision`` when the answer changed since `revision`;
  ///   ``StoreError/reviewRefused(_:)`` for marks outside the recording;
  ///   ``StoreError/unknownAnswer(_:)``.
  @discardableResult
  public func saveTiming(
    _ timing: ReviewedTiming, of answer: AnswerKey, by coder: CoderCode, basedOn revision: Int, at date: Date = Date()
  ) throws -> ReviewAnswerView {
    try save(.timing, of: answer, by: coder, basedOn: revision, at: date) { db in
      let duration = try Self.recordingDuration(of: answer, db: db)
      guard Self.isPossible(timing, recordingDuration: duration) else {
        throw StoreError.reviewRefused(.timingOutOfRange(timing, recordingDuration: duration))
      }
      let before = try Row.fetchOne(
        db, sql: "SELECT * FROM reviewed_timing WHERE \(Self.answerAndCoder)",
        arguments: Self.arguments(answer, coder)
      ).map { row in
        ReviewedTiming(
          firstWordOnsetSeconds: RowValue.number(row, "t_first_word_s"),
          lastWordOffsetSeconds: RowValue.number(row, "t_last_word_end_s"))
      }
      try db.execute(
        sql: """
          INSERT INTO reviewed_timing (session_id, trial_id, participant_code, coder, reviewed_at, t_first_word_s,
            t_last_word_end_s)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (session_id, trial_id, participant_code, coder) DO UPDATE SET
            reviewed_at = excluded.reviewed_at, t_first_word_s = excluded.t_first_word_s,
            t_last_word_end_s = excluded.t_last_word_end_s
          """,
        arguments: Self.arguments(answer, coder) + [
          WallClockText.text(for: date), timing.firstWordOnsetSeconds, timing.lastWordOffsetSeconds,
        ])
      return Change(before: before.map(Self.json), after: Self.json(timing))
    }
  }

  /// Saves `coder`'s count of the answer's memories (and how many are specific), kept beside the
  /// automatic pre-coding and the other coders' codings; it replaces this coder's earlier coding of
  /// the answer, whether from the workstation or a coding sheet (the log keeps it).
  ///
  /// - Throws: as ``saveTiming(_:of:by:basedOn:at:)``; ``StoreError/reviewRefused(_:)`` for an impossible count.
  @discardableResult
  public func saveMemories(
    _ count: MemoryCount, of answer: AnswerKey, by coder: CoderCode, basedOn revision: Int, at date: Date = Date()
  ) throws -> ReviewAnswerView {
    try save(.memories, of: answer, by: coder, basedOn: revision, at: date) { db in
      guard count.isValid else { throw StoreError.reviewRefused(.impossibleMemoryCount(count)) }
      let before = try Row.fetchOne(
        db,
        sql: """
          SELECT memories_n, specific_n FROM memory_coding WHERE \(Self.answerAndCoder) ORDER BY coded_at DESC, id DESC
          """,
        arguments: Self.arguments(answer, coder)
      ).flatMap { row in
        RowValue.count(row, "memories_n").map { MemoryCount(memories: $0, specific: RowValue.count(row, "specific_n")) }
      }
      try db.execute(
        sql: "DELETE FROM memory_coding WHERE \(Self.answerAndCoder)", arguments: Self.arguments(answer, coder))
      try db.execute(
        sql: """
          INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n, specific_n)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: Self.arguments(answer, coder) + [WallClockText.text(for: date), count.memories, count.specific])
      return Change(before: before.map(Self.json), after: Self.json(count))
    }
  }

  /// Records the value the coders agreed on for one measure of the answer; it becomes the value
  /// the exports and statistics analyse, and every coder's own value is kept. `value` nil is only
  /// for a time: the coders agreed no word was spoken.
  ///
  /// - Throws: as ``saveTiming(_:of:by:basedOn:at:)``; ``StoreError/reviewRefused(_:)`` before two
  ///   coders have given the measure, or for a value the measure cannot take.
  @discardableResult
  public func saveConsensus(
    _ value: Double?, for measure: ReviewedMeasure, of answer: AnswerKey, by coder: CoderCode, basedOn revision: Int,
    at date: Date = Date()
  ) throws -> ReviewAnswerView {
    try save(.consensus, of: answer, by: coder, basedOn: revision, at: date, measure: measure.rawValue) {
      db in
      let review = try AnswerReview.of(answer, db: db)
      guard review.values(of: measure).count >= 2 else {
        throw StoreError.reviewRefused(.consensusBeforeTwoCodings(measure))
      }
      let duration = try Self.recordingDuration(of: answer, db: db)
      guard Self.isPossible(value, for: measure, recordingDuration: duration) else {
        throw StoreError.reviewRefused(.impossibleConsensus(measure, value))
      }
      try db.execute(
        sql: """
          INSERT INTO consensus (session_id, trial_id, participant_code, measure, value, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (session_id, trial_id, participant_code, measure) DO UPDATE SET
            value = excluded.value, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
          """,
        arguments: AnswerRevision.arguments(answer) + [
          measure.rawValue, value, coder.rawValue, WallClockText.text(for: date),
        ])
      let before = review.consensus[measure].map { Self.json([(measure.rawValue, $0.value)]) }
      return Change(before: before, after: Self.json([(measure.rawValue, value)]))
    }
  }

  /// What a save changed, for its event: the saved values before (nil: none) and after, as JSON.
  struct Change {
    var before: String?
    var after: String
  }

  /// Runs one save in one transaction: checks the revision, lets `change` write, moves the revision
  /// on and logs the event; or, on a stale revision, writes nothing and throws ``StaleRevision``.
  func save(
    _ kind: ReviewSaveKind, of answer: AnswerKey, by coder: CoderCode, basedOn revision: Int, at date: Date,
    measure: String? = nil, _ change: (Database) throws -> Change
  ) throws -> ReviewAnswerView {
    enum Outcome {
      case saved(ReviewAnswerView)
      case stale(ReviewAnswerView)
    }
    // Drawn (the first time) before the transaction: the key is stored by a write of its own.
    let key = try CodingSheetKey.of(database)
    let outcome = try database.write { db -> Outcome in
      guard try AnswerRevision.current(answer, in: db) == revision else {
        return .stale(try view(of: answer, for: coder, key: key, db: db))
      }
      try Self.register(coder, at: date, db: db)
      let made = try change(db)
      try AnswerRevision.advance(answer, in: db)
      let change = ReviewChange(
        answer: key.answerID(answer), coder: coder.rawValue, before: made.before ?? "", after: made.after,
        revision: revision + 1, measure: measure)
      let event = SessionEvent(
        session: answer.session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: date,
        .review(kind.event(change)))
      _ = try EventLog.insert(event, payload: try EventLog.payloadText(event.payload), in: db)
      return .saved(try view(of: answer, for: coder, key: key, db: db))
    }
    switch outcome {
    case .saved(let view): return view
    case .stale(let current): throw StaleRevision(basedOn: revision, current: current)
    }
  }

  static let answerAndCoder = "session_id = ? AND trial_id = ? AND participant_code = ? AND coder = ?"

  static func arguments(_ answer: AnswerKey, _ coder: CoderCode) -> StatementArguments {
    AnswerRevision.arguments(answer) + [coder.rawValue]
  }

  static func recordingDuration(of answer: AnswerKey, db: Database) throws -> Double? {
    try Double.fetchOne(
      db, sql: "SELECT duration_s FROM recording WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
      arguments: AnswerRevision.arguments(answer))
  }

  static func isPossible(_ timing: ReviewedTiming, recordingDuration: Double?) -> Bool {
    switch (timing.firstWordOnsetSeconds, timing.lastWordOffsetSeconds) {
    case (nil, nil): true
    case (let first?, let last?):
      first.isFinite && last.isFinite && first >= 0 && last >= first && last <= (recordingDuration ?? .infinity)
    default: false
    }
  }

  static func isPossible(_ value: Double?, for measure: ReviewedMeasure, recordingDuration: Double?) -> Bool {
    guard let value else { return !measure.isCount }
    guard value.isFinite, value >= 0 else { return false }
    guard measure.isCount else { return value <= (recordingDuration ?? .infinity) }
    return value.rounded() == value && value <= Double(measure.largestCount)
  }

  /// `{"a":1.5,"b":null}`, keys in the order given: the event log's before and after.
  static func json(_ pairs: [(String, Double?)]) -> String {
    "{" + pairs.map { "\"\($0.0)\":\($0.1.map(Self.number) ?? "null")" }.joined(separator: ",") + "}"
  }

  static func json(_ timing: ReviewedTiming) -> String {
    json([("t_first_word_s", timing.firstWordOnsetSeconds), ("t_last_word_end_s", timing.lastWordOffsetSeconds)])
  }

  static func json(_ count: MemoryCount) -> String {
    json([("memories_n", Double(count.memories)), ("specific_n", count.specific.map(Double.init))])
  }

  /// Whole numbers without a decimal point, so a count reads as a count.
  private static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
