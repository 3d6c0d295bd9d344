internal import GRDB
import SessionModel

extension DatabaseCheck {
  /// Stored values outside their range: measures that are not finite, negative, past the end of
  /// the answer's recording or not whole counts, recording durations that are not finite, and
  /// coded memory counts no coder could give. ConnectAge refuses them when filing; they can only
  /// come from an older version or from the file edited behind its back.
  func outOfRangeValues() throws -> [DatabaseProblem] {
    try database.read { db in
      var problems: [DatabaseProblem] = []
      let columns = MeasureBounds.columns.map { "m.\($0.name)" }.joined(separator: ", ")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT m.session_id, m.trial_id, m.participant_code, r.duration_s, \(columns)
          FROM answer_measures m LEFT JOIN recording r
            ON r.session_id = m.session_id AND r.trial_id = m.trial_id AND r.participant_code = m.participant_code
          ORDER BY m.session_id, m.trial_id, m.participant_code
          """)
      {
        let answer = try Self.answer(row)
        let duration = RowValue.number(row, "duration_s")
        if let duration, !duration.isFinite || duration < 0 {
          problems.append(
            .valueOutOfRange(
              answer,
              OutOfRangeValue(
                column: "recording.duration_s", value: MeasureBounds.written(duration),
                expected: LocalizedText(fr: "des secondes finies, positives", en: "finite, non-negative seconds"))))
        }
        for column in MeasureBounds.columns {
          let value = Self.storedNumber(row, column.name)
          if let problem = MeasureBounds.problem(
            column: column.name, kind: column.kind, value: value, recordingDuration: duration)
          {
            problems.append(.valueOutOfRange(answer, problem))
          }
        }
        if let inverted = MeasureBounds.inversion(
          first: RowValue.number(row, "t_first_word_s"), last: RowValue.number(row, "t_last_word_end_s"))
        {
          problems.append(.valueOutOfRange(answer, inverted))
        }
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT session_id, trial_id, participant_code, memories_n FROM memory_coding
          WHERE episodes_json IS NULL ORDER BY id
          """)
      {
        let count = Self.storedNumber(row, "memories_n")
        if let count, !(count.isFinite && count >= 0 && count <= 10_000 && count == count.rounded()) {
          problems.append(
            .valueOutOfRange(
              try Self.answer(row),
              OutOfRangeValue(
                column: "memory_coding.memories_n", value: MeasureBounds.written(count),
                expected: LocalizedText(fr: "un nombre de souvenirs de 0 à 10000", en: "a memory count from 0 to 10000")
              )))
        }
      }
      return problems
    }
  }

  private static func answer(_ row: Row) throws -> AnswerKey {
    AnswerKey(
      session: SessionID(rawValue: row["session_id"]), trial: TrialID(rawValue: row["trial_id"]),
      participant: try RowValue.code(row["participant_code"]))
  }

  /// The number stored, text included (as NaN: it is no number), so nothing escapes the check.
  private static func storedNumber(_ row: Row, _ column: String) -> Double? {
    if case .string = (row[column] as DatabaseValue).storage { return .nan }
    if case .blob = (row[column] as DatabaseValue).storage { return .nan }
    return RowValue.number(row, column)
  }
}

extension DatabaseProblem {
  static func outOfRangeMessage(_ answer: AnswerKey, _ value: OutOfRangeValue) -> LocalizedText {
    LocalizedText(
      fr:
        "Valeur hors limites pour \(answer.participant) (séance \(answer.session), essai \(answer.trial)) : \(value.column) = \(value.value), attendu \(value.expected.french). Mesurez à nouveau avec « connectage analyze session ».",
      en:
        "Out-of-range value for \(answer.participant) (session \(answer.session), trial \(answer.trial)): \(value.column) = \(value.value), expected \(value.expected.english). Measure again with 'connectage analyze session'."
    )
  }
}
