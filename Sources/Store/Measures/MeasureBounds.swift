import SessionModel
import SpeechKit

/// A stored value outside the range its column must fall in.
public struct OutOfRangeValue: Hashable, Sendable {
  /// The `answer_measures` column (or `recording.duration_s`, `memory_coding.memories_n`).
  public var column: String
  /// The value as stored, written out: `nan`, `inf`, `1e+308`, `-1`.
  public var value: String
  /// What the column must hold.
  public var expected: LocalizedText
}

/// The range of every stored measure, checked when measures are saved and by `db check`: times
/// and durations finite, from 0 to the end of the answer's recording (within SpeechKit's clock
/// tolerance), the last word not before the first; counts whole and not negative.
enum MeasureBounds {
  enum Kind {
    case time
    case count
  }

  /// The measure columns of `answer_measures` and what each holds.
  static let columns: [(name: String, kind: Kind)] = [
    ("t_first_word_s", .time), ("t_last_word_end_s", .time), ("phonation_time_s", .time),
    ("silent_pauses_n", .count), ("silent_pauses_total_s", .time), ("pause_threshold_ms", .count),
    ("words", .count), ("words_split", .count), ("ideas_n", .count), ("memories_auto_n", .count),
  ]

  /// The problem with `value` in a column of `kind`, or nil when it is in range (a missing value is).
  static func problem(column: String, kind: Kind, value: Double?, recordingDuration: Double?) -> OutOfRangeValue? {
    guard let value else { return nil }
    switch kind {
    case .time:
      let end = recordingDuration.flatMap { $0.isFinite ? $0 + AnswerSpeech.clockTolerance : nil } ?? .infinity
      guard !(value.isFinite && value >= 0 && value <= end) else { return nil }
      return OutOfRangeValue(
        column: column, value: written(value),
        expected: recordingDuration.map { duration in
          LocalizedText(
            fr: "des secondes de 0 à \(written(duration)) (fin de l'enregistrement)",
            en: "seconds from 0 to \(written(duration)) (the recording's end)")
        } ?? LocalizedText(fr: "des secondes finies, positives", en: "finite, non-negative seconds"))
    case .count:
      // 2^63 is how Int64.max reads as a Double; anything larger cannot be a stored count.
      guard !(value.isFinite && value >= 0 && value == value.rounded() && value <= 0x1p63) else { return nil }
      return OutOfRangeValue(
        column: column, value: written(value),
        expected: LocalizedText(fr: "un nombre entier positif ou nul", en: "a whole number, not negative"))
    }
  }

  /// Every out-of-range value of `measures`, for an answer whose recording lasts `recordingDuration`.
  static func problems(in measures: AnswerMeasures, recordingDuration: Double?) -> [OutOfRangeValue] {
    let values: [String: Double?] = [
      "t_first_word_s": measures.firstWordOnsetSeconds, "t_last_word_end_s": measures.lastWordOffsetSeconds,
      "phonation_time_s": measures.speakingTimeSeconds, "silent_pauses_n": measures.pauseCount.map(Double.init),
      "silent_pauses_total_s": measures.pauseTotalSeconds,
      "pause_threshold_ms": Double(measures.pauseThresholdMilliseconds), "words": measures.words.map(Double.init),
      "words_split": measures.wordsSplit.map(Double.init), "ideas_n": measures.ideas.map(Double.init),
      "memories_auto_n": measures.automaticMemories.map(Double.init),
    ]
    var problems = columns.compactMap { column in
      problem(
        column: column.name, kind: column.kind, value: values[column.name] ?? nil, recordingDuration: recordingDuration)
    }
    if let inverted = inversion(first: measures.firstWordOnsetSeconds, last: measures.lastWordOffsetSeconds) {
      problems.append(inverted)
    }
    return problems
  }

  /// The last word ending before the first begins.
  static func inversion(first: Double?, last: Double?) -> OutOfRangeValue? {
    guard let first, let last, first.isFinite, last.isFinite, last < first else { return nil }
    return OutOfRangeValue(
      column: "t_last_word_end_s", value: written(last),
      expected: LocalizedText(
        fr: "au moins t_first_word_s (\(written(first)))", en: "at least t_first_word_s (\(written(first)))"))
  }

  /// `nan`, `inf`, `-inf`, or Swift's shortest form of the number.
  static func written(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
