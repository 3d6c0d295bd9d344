import Foundation
internal import GRDB
import SessionModel
import SpeechKit

/// The measures of each answer and the memory codings that confirm them.
public struct MeasureRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds or replaces the measures of one answer (a new analysis replaces the previous one).
  ///
  /// Values are checked at the door: a time outside the answer's recording (when it is filed), a
  /// value that is not finite or a negative count is refused, so that exports never carry it.
  ///
  /// - Throws: ``StoreError/unknownTrial(_:_:)``, ``StoreError/unknownParticipant(_:)`` or
  ///   ``StoreError/measureOutOfRange(_:_:)``.
  public func save(_ measures: AnswerMeasures) throws {
    try database.write { db in try Self.save(measures, in: db) }
  }

  /// ``save(_:)`` inside a transaction that also writes other records (a review's transcript save);
  /// every change to an answer's measures moves its revision on, once per transaction (a review
  /// save moves it itself).
  static func save(_ measures: AnswerMeasures, in db: Database, advancingRevision: Bool = true) throws {
    let answer = measures.answer
    try TrialRepository.requireTrial(answer.trial, in: answer.session, db: db)
    if try !ParticipantRepository.exists(answer.participant, in: db) {
      throw StoreError.unknownParticipant(answer.participant)
    }
    let duration = try Double.fetchOne(
      db, sql: "SELECT duration_s FROM recording WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
      arguments: [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue])
    let problems = MeasureBounds.problems(in: measures, recordingDuration: duration)
    guard problems.isEmpty else { throw StoreError.measureOutOfRange(answer, problems) }
    try db.execute(
      sql: """
        INSERT INTO answer_measures (session_id, trial_id, participant_code, t_first_word_s, t_last_word_end_s,
          phonation_time_s, silent_pauses_n, silent_pauses_total_s, pause_threshold_ms, words, words_split,
          ideas_n, memories_auto_n, ruleset_version, silent_pauses_json, missing_reason, transcript_source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, trial_id, participant_code) DO UPDATE SET
          t_first_word_s = excluded.t_first_word_s, t_last_word_end_s = excluded.t_last_word_end_s,
          phonation_time_s = excluded.phonation_time_s, silent_pauses_n = excluded.silent_pauses_n,
          silent_pauses_total_s = excluded.silent_pauses_total_s, pause_threshold_ms = excluded.pause_threshold_ms,
          words = excluded.words, words_split = excluded.words_split, ideas_n = excluded.ideas_n,
          memories_auto_n = excluded.memories_auto_n, ruleset_version = excluded.ruleset_version,
          silent_pauses_json = excluded.silent_pauses_json, missing_reason = excluded.missing_reason,
          transcript_source = excluded.transcript_source
        """,
      arguments: [
        answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue,
        measures.firstWordOnsetSeconds, measures.lastWordOffsetSeconds, measures.speakingTimeSeconds,
        measures.pauseCount, measures.pauseTotalSeconds, measures.pauseThresholdMilliseconds, measures.words,
        measures.wordsSplit, measures.ideas, measures.automaticMemories, measures.ruleSetVersion,
        try Self.pausesJSON(measures.pauseIntervals),
        measures.missingReason, measures.transcriptSource?.rawValue,
      ])
    if advancingRevision { try AnswerRevision.advance(answer, in: db) }
  }

  /// The measures of one answer, or `nil`.
  public func fetch(_ answer: AnswerKey) throws -> AnswerMeasures? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM answer_measures WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
        arguments: [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue]
      ).map(Self.measures)
    }
  }

  /// Every answer's measures, or those of one session, ordered by session, trial and participant.
  public func fetchAll(in session: SessionID? = nil) throws -> [AnswerMeasures] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM answer_measures WHERE (?1 IS NULL OR session_id = ?1)
          ORDER BY session_id, trial_id, participant_code
          """,
        arguments: [session?.rawValue]
      ).map(Self.measures)
    }
  }

  /// Records a coder's confirmed coding of the memories in an answer whose measures are saved.
  ///
  /// The coding is SpeechKit's ``SpeechKit/MemoryCoding`` after `confirm(_:coder:at:)`: its
  /// confirmed episodes give `memories_n`, and the whole coding (automatic pre-coding included)
  /// is kept, so agreement between the rules and the coder can be measured later.
  ///
  /// - Throws: ``StoreError/unconfirmedCoding(_:)`` when nobody confirmed it,
  ///   ``StoreError/coderIsNotACode(_:)`` when the coder looks like a name,
  ///   ``StoreError/measureOutOfRange(_:_:)`` for more than ``MemoryCount/largest`` memories,
  ///   ``StoreError/unknownAnswer(_:)`` when the answer has no measures.
  public func save(_ coding: MemoryCoding, for answer: AnswerKey) throws {
    let row = try Self.codingRow(coding, for: answer)
    try database.write { db in try Self.insert(row, db: db) }
  }

  /// What a batch of codings did to the codings already saved.
  public struct CodingOutcome: Hashable, Sendable {
    /// Codings saved.
    public var saved: Int
    /// Of those, how many replaced an earlier coding of the same answer by the same coder.
    public var replaced: Int
    /// Of those, how many sit beside another coder's coding of the same answer (both are kept).
    public var besideOtherCoders: Int
  }

  /// Records confirmed codings all together, in one transaction: all are saved or none.
  ///
  /// A coding replaces the earlier codings of the same answer by the same coder (a corrected
  /// sheet imported again), and is kept beside other coders' codings, so that agreement between
  /// coders can be measured; `memories_n` exports the latest. Codings are saved in the order given.
  ///
  /// - Throws: as ``save(_:for:)``, for the first coding refused.
  public func save(_ codings: [AnswerCoding]) throws -> CodingOutcome {
    let rows = try codings.map { try Self.codingRow($0.coding, for: $0.answer) }
    return try database.write { db in
      var outcome = CodingOutcome(saved: 0, replaced: 0, besideOtherCoders: 0)
      for row in rows {
        let key = [row.answer.session.rawValue, row.answer.trial.rawValue, row.answer.participant.rawValue]
        let earlier = try String.fetchAll(
          db, sql: "SELECT coder FROM memory_coding WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
          arguments: StatementArguments(key))
        if earlier.contains(row.coder) {
          outcome.replaced += 1
          try db.execute(
            sql: """
              DELETE FROM memory_coding WHERE session_id = ? AND trial_id = ? AND participant_code = ? AND coder = ?
              """,
            arguments: StatementArguments(key + [row.coder]))
        }
        if earlier.contains(where: { $0 != row.coder }) {
          outcome.besideOtherCoders += 1
        }
        try Self.insert(row, db: db)
        outcome.saved += 1
      }
      return outcome
    }
  }

  private struct CodingRow {
    var answer: AnswerKey
    var coder: String
    var codedAt: Date
    var memories: Int
    var json: String
  }

  /// The row a confirmed coding becomes, after the checks that need no database.
  private static func codingRow(_ coding: MemoryCoding, for answer: AnswerKey) throws -> CodingRow {
    guard let confirmed = coding.confirmed, let coder = coding.coder, let codedAt = coding.codedAt else {
      throw StoreError.unconfirmedCoding(answer)
    }
    // Stricter than SpeechKit's staff-code rule: capitals, digits and dashes only, as participant
    // codes, because "Marie" is a name even though it is a valid word.
    guard ParticipantCode.isValid(coder) else {
      throw StoreError.coderIsNotACode(coder)
    }
    // The review page's rule, so a count no page accepts does not come in through a sheet either.
    guard confirmed.count <= MemoryCount.largest else {
      throw StoreError.measureOutOfRange(
        answer,
        [
          OutOfRangeValue(
            column: "memories_n", value: String(confirmed.count),
            expected: LocalizedText(
              fr: "un nombre de souvenirs de 0 à \(MemoryCount.largest)",
              en: "a count of memories from 0 to \(MemoryCount.largest)"))
        ])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(coding), as: UTF8.self)
    return CodingRow(answer: answer, coder: coder, codedAt: codedAt, memories: confirmed.count, json: json)
  }

  private static func insert(_ row: CodingRow, db: Database) throws {
    let answer = row.answer
    let exists = try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (SELECT 1 FROM answer_measures WHERE session_id = ? AND trial_id = ? AND participant_code = ?)
        """,
      arguments: [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue])
    if exists != true {
      throw StoreError.unknownAnswer(answer)
    }
    try AnswerRevision.advance(answer, in: db)
    try db.execute(
      sql: """
        INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n, episodes_json)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue, row.coder,
        WallClockText.text(for: row.codedAt), row.memories, row.json,
      ])
  }

  /// Every coding of one answer, oldest first (by when it was coded, as ``latestCodings()``).
  public func codings(of answer: AnswerKey) throws -> [MemoryCoding] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM memory_coding WHERE session_id = ? AND trial_id = ? AND participant_code = ?
          ORDER BY coded_at, id
          """,
        arguments: [answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue]
      ).map(Self.coding)
    }
  }

  /// The latest coding of each coded answer: the one coded last (storage order breaks ties). A
  /// central server's assembled database stores the sites' codings site by site, so storage order
  /// alone could put a site's older coding after a central review's newer one. The ISO 8601 UTC
  /// text of `coded_at` sorts as time does.
  public func latestCodings() throws -> [AnswerKey: MemoryCoding] {
    try database.read { db in
      let rows = try Row.fetchAll(db, sql: "SELECT * FROM memory_coding ORDER BY coded_at, id")
      var latest: [AnswerKey: MemoryCoding] = [:]
      for row in rows {
        latest[try Self.answerKey(row)] = try Self.coding(row)
      }
      return latest
    }
  }

  private static func answerKey(_ row: Row) throws -> AnswerKey {
    AnswerKey(
      session: SessionID(rawValue: row["session_id"]), trial: TrialID(rawValue: row["trial_id"]),
      participant: try RowValue.code(row["participant_code"]))
  }

  /// Total over whatever the columns hold, so that one bad stored value never stops an export:
  /// a count that is not a whole number in Int's range reads as missing, and `db check` reports it.
  /// A value read as missing, or an infinity (exported empty), adds `stored_value_not_a_number` to
  /// the missing reason, so the empty field says why.
  private static func measures(_ row: Row) throws -> AnswerMeasures {
    let notANumber = MeasureBounds.columns.contains { column in
      guard let number = RowValue.number(row, column.name) else { return false }
      return column.kind == .time ? !number.isFinite : RowValue.count(row, column.name) == nil
    }
    let reasons = [row["missing_reason"], notANumber ? MissingMeasureReason.storedValueNotANumber.rawValue : nil]
      .compactMap { $0 as String? }
    return AnswerMeasures(
      answer: try answerKey(row),
      firstWordOnsetSeconds: RowValue.number(row, "t_first_word_s"),
      lastWordOffsetSeconds: RowValue.number(row, "t_last_word_end_s"),
      speakingTimeSeconds: RowValue.number(row, "phonation_time_s"),
      pauseCount: RowValue.count(row, "silent_pauses_n"),
      pauseTotalSeconds: RowValue.number(row, "silent_pauses_total_s"),
      pauseThresholdMilliseconds: RowValue.count(row, "pause_threshold_ms") ?? 0,
      words: RowValue.count(row, "words"),
      wordsSplit: RowValue.count(row, "words_split"),
      ideas: RowValue.count(row, "ideas_n"),
      automaticMemories: RowValue.count(row, "memories_auto_n"),
      ruleSetVersion: row["ruleset_version"],
      pauseIntervals: pauses(row["silent_pauses_json"]),
      missingReason: reasons.isEmpty ? nil : reasons.joined(separator: ";"),
      transcriptSource: (row["transcript_source"] as String?).flatMap(TranscriptSource.init(rawValue:)))
  }

  /// `[[start, end], …]`, or NULL when the pauses were not kept.
  private static func pausesJSON(_ pauses: [SpeechSegment]?) throws -> String? {
    guard let pauses else { return nil }
    return String(decoding: try JSONEncoder().encode(pauses), as: UTF8.self)
  }

  /// Total, like the measures: pauses stored in a shape this version cannot read come back as
  /// not kept, so the TextGrid export leaves the pauses tier out rather than stopping.
  private static func pauses(_ json: String?) -> [SpeechSegment]? {
    guard let json else { return nil }
    return try? JSONDecoder().decode([SpeechSegment].self, from: Data(json.utf8))
  }

  /// The coding as saved; the coder and date columns are authoritative (the date to the millisecond).
  /// A coding saved before `v2-memory-episodes`, or by the review workstation, has its count only:
  /// its episodes come back as that many placeholders without text, flagged by an empty `method`.
  private static func coding(_ row: Row) throws -> MemoryCoding {
    let coder: String = row["coder"]
    let codedAt = try WallClockText.date(from: row["coded_at"])
    var coding: MemoryCoding
    if let json = row["episodes_json"] as String? {
      do {
        coding = try JSONDecoder().decode(MemoryCoding.self, from: Data(json.utf8))
      } catch {
        throw StoreError.databaseFailure("a memory coding of \(coder) is unreadable: \(error)")
      }
    } else {
      // A count no coder could have confirmed reads as unconfirmed, rather than as a huge array or 0.
      // A review's coding (count and specific count, `v4-review`) comes back the same way, its
      // first `specific_n` placeholders specific.
      let count = RowValue.count(row, "memories_n").flatMap { (0...10_000).contains($0) ? $0 : nil }
      let specific = min(RowValue.count(row, "specific_n") ?? 0, count ?? 0)
      coding = MemoryCoding(
        method: "", automatic: [],
        confirmed: count.map { count in
          (0..<count).map { EvokedMemory(specificity: $0 < specific ? .specific : .general, text: "") }
        })
    }
    coding.coder = coder
    coding.codedAt = codedAt
    return coding
  }
}

extension SessionDatabase {
  public var measures: MeasureRepository { MeasureRepository(database: self) }
}
