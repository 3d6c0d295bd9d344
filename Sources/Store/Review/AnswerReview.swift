import Foundation
internal import GRDB
import SessionModel

/// What the coders gave one answer: each coder's latest values (timing, memory count, words of
/// their transcript) and the consensus values recorded. Memory codings from coding sheets count
/// as codings here too (their specific count is unknown).
public struct AnswerReview: Hashable, Sendable {
  public var coders: [CoderCode: CoderValues]
  public var consensus: [ReviewedMeasure: Consensus]

  public init(coders: [CoderCode: CoderValues] = [:], consensus: [ReviewedMeasure: Consensus] = [:]) {
    self.coders = coders
    self.consensus = consensus
  }

  /// Each coder's value of `measure`, for the coders who gave one, in coder order.
  public func values(of measure: ReviewedMeasure) -> [(coder: CoderCode, value: Double)] {
    coders.sorted { $0.key < $1.key }.compactMap { coder, values in values.value(of: measure).map { (coder, $0) } }
  }

  /// The answer's place in the review queue, `measured` being whether a transcript was measured.
  func state(transcribed: Bool) -> ReviewState {
    let counts = coders.values.compactMap(\.memories)
    switch counts.count {
    case 0: return transcribed || coders.values.contains(where: \.savedTranscript) ? .transcribed : .toTranscribe
    case 1: return .codedOnce
    default:
      let agreed = consensus[.memories] != nil || Set(counts.map(\.memories)).count == 1
      return agreed ? .agreed : .codedTwice
    }
  }
}

extension AnswerReview {
  /// The review records of every answer of `sessions` (all when nil), by answer.
  static func all(in sessions: Set<SessionID>?, db: Database) throws -> [AnswerKey: AnswerReview] {
    try load(where: "1", arguments: [], db: db).filter { sessions?.contains($0.key.session) ?? true }
  }

  /// The review records of one answer.
  static func of(_ answer: AnswerKey, db: Database) throws -> AnswerReview {
    let condition = "session_id = ? AND trial_id = ? AND participant_code = ?"
    return try load(where: condition, arguments: AnswerRevision.arguments(answer), db: db)[answer] ?? AnswerReview()
  }

  /// Each coder's latest memory coding (coding sheets' included), timing and transcript, and the
  /// consensus values, of the answers `condition` selects.
  private static func load(where condition: String, arguments: StatementArguments, db: Database) throws
    -> [AnswerKey: AnswerReview]
  {
    var reviews: [AnswerKey: AnswerReview] = [:]
    func rows(_ sql: String, update: (inout AnswerReview, CoderCode, Row) throws -> Void) throws {
      for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
        // A coder code no review could have saved (an old sheet's) is left out of agreement.
        guard let coder = CoderCode(rawValue: row["coder"]) else { continue }
        let answer = AnswerKey(
          session: SessionID(rawValue: row["session_id"]), trial: TrialID(rawValue: row["trial_id"]),
          participant: try RowValue.code(row["participant_code"]))
        try update(&reviews[answer, default: AnswerReview()], coder, row)
      }
    }
    try rows(LatestPerCoder.rows(of: "memory_coding", by: "coded_at", where: condition)) { review, coder, row in
      guard let memories = RowValue.count(row, "memories_n") else { return }
      review.coders[coder, default: CoderValues()].memories = MemoryCount(
        memories: memories, specific: RowValue.count(row, "specific_n"))
    }
    try rows("SELECT * FROM reviewed_timing WHERE \(condition)") { review, coder, row in
      review.coders[coder, default: CoderValues()].timing = ReviewedTiming(
        firstWordOnsetSeconds: RowValue.number(row, "t_first_word_s"),
        lastWordOffsetSeconds: RowValue.number(row, "t_last_word_end_s"))
    }
    try rows(LatestPerCoder.rows(of: "reviewed_transcript", by: "saved_at", where: condition)) { review, coder, row in
      review.coders[coder, default: CoderValues()].savedTranscript = true
      review.coders[coder, default: CoderValues()].words = RowValue.count(row, "words")
    }
    try rows("SELECT *, recorded_by AS coder FROM consensus WHERE \(condition)") { review, coder, row in
      review.consensus[try RowValue.decode(ReviewedMeasure.self, row["measure"])] = Consensus(
        value: RowValue.number(row, "value"), recordedBy: coder,
        recordedAt: try WallClockText.date(from: row["recorded_at"]))
    }
    return reviews
  }
}
