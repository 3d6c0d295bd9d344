import Foundation
internal import GRDB
import SessionModel
import SpeechKit

/// What the review workstation (`connectage review`) reads and saves: coders, each answer as one
/// coder may see it, and the saves a coder signs (timing, memories, transcript, consensus).
///
/// Every save is one transaction that names the answer's revision it was based on: a save on a
/// stale revision writes nothing and throws ``StaleRevision`` with the answer as it is now, so
/// nothing is ever overwritten silently, even by another process on the same file. Each save
/// appends one event (a `review.*` case of the event catalogue) to the answer's session, with the answer's
/// opaque id, the coder, and the values before and after; it never names the trial.
public struct ReviewRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  // MARK: Coders

  /// Registers a coder by code (idempotent) and returns the code.
  ///
  /// - Throws: ``StoreError/coderIsNotACode(_:)`` for anything but a code (`Marie`, `ort1`).
  @discardableResult
  public func addCoder(_ text: String, at date: Date = Date()) throws -> CoderCode {
    let code = try CoderCode.checked(text)
    try database.write { db in try Self.register(code, at: date, db: db) }
    return code
  }

  /// The registered coders, in code order.
  public func coders() throws -> [CoderCode] {
    try database.read { db in
      try String.fetchAll(db, sql: "SELECT code FROM coder ORDER BY code").compactMap(CoderCode.init(rawValue:))
    }
  }

  static func register(_ coder: CoderCode, at date: Date, db: Database) throws {
    try db.execute(
      sql: "INSERT INTO coder (code, added_at) VALUES (?, ?) ON CONFLICT (code) DO NOTHING",
      arguments: [coder.rawValue, WallClockText.text(for: date)])
  }

  // MARK: Answers by opaque id

  /// The answer's opaque id (`A-` and 12 hex digits, a keyed hash: the same as on coding sheets).
  public func id(of answer: AnswerKey) throws -> String {
    try CodingSheetKey.of(database).answerID(answer)
  }

  // MARK: Reading

  /// The answer as `coder` may see it: blind to its trial, and to the other coders' values of
  /// what `coder` has not saved yet.
  ///
  /// - Throws: ``StoreError/unknownAnswer(_:)`` when the answer has no measures.
  public func view(of answer: AnswerKey, for coder: CoderCode) throws -> ReviewAnswerView {
    let key = try CodingSheetKey.of(database)
    return try database.read { db in try view(of: answer, for: coder, key: key, db: db) }
  }

  /// The review records of every answer of `sessions` (all when nil): what agreement and the
  /// exports read. Not blind: for the principal investigator and the analysis, never a coder's page.
  public func records(in sessions: Set<SessionID>? = nil) throws -> [AnswerKey: AnswerReview] {
    try database.read { db in try AnswerReview.all(in: sessions, db: db) }
  }

  func view(of answer: AnswerKey, for coder: CoderCode, key: CodingSheetKey, db: Database) throws
    -> ReviewAnswerView
  {
    let revision = try AnswerRevision.current(answer, in: db)
    let measures = try Row.fetchOne(
      db,
      sql: """
        SELECT m.*, rec.duration_s, rec.path FROM answer_measures m
        LEFT JOIN recording rec USING (session_id, trial_id, participant_code)
        WHERE m.session_id = ? AND m.trial_id = ? AND m.participant_code = ?
        """,
      arguments: AnswerRevision.arguments(answer))
    guard let measures else { throw StoreError.unknownAnswer(answer) }
    let review = try AnswerReview.of(answer, db: db)
    let own = review.coders[coder] ?? CoderValues()
    let hidden = Set([ReviewSaveKind.transcript, .timing, .memories].filter { !own.saved($0) })
    var others: [CoderCode: CoderValues] = [:]
    for (other, values) in review.coders where other != coder {
      others[other] = CoderValues(
        timing: hidden.contains(.timing) ? nil : values.timing,
        memories: hidden.contains(.memories) ? nil : values.memories,
        words: hidden.contains(.transcript) ? nil : values.words,
        savedTranscript: hidden.contains(.transcript) ? false : values.savedTranscript)
    }
    // The stored counts come from the transcript saved last: another coder's, until this coder
    // saves one, so they would give that coder's words away.
    let countsAreAnothers =
      hidden.contains(.transcript) && review.coders.contains { $0.key != coder && $0.value.savedTranscript }
    func count(_ column: String) -> Int? { countsAreAnothers ? nil : RowValue.count(measures, column) }
    return ReviewAnswerView(
      id: key.answerID(answer), revision: revision, coder: coder,
      state: review.state(transcribed: RowValue.count(measures, "words") != nil),
      recordingDurationSeconds: RowValue.number(measures, "duration_s"),
      automatic: .init(
        firstWordOnsetSeconds: RowValue.number(measures, "t_first_word_s"),
        lastWordOffsetSeconds: RowValue.number(measures, "t_last_word_end_s"),
        words: count("words"), ideas: count("ideas_n"), memories: count("memories_auto_n")),
      transcript: try startingTranscript(
        of: answer, for: coder, recording: (measures["path"] as String?).map(database.recordingFile(atStoredPath:)),
        db: db),
      own: own, others: others, hidden: hidden,
      consensus: review.consensus.filter { !hidden.contains($0.key.savedWith) })
  }
}

extension SessionDatabase {
  /// The review workstation's records: `database.review.saveTiming(…)`.
  public var review: ReviewRepository { ReviewRepository(database: self) }
}
