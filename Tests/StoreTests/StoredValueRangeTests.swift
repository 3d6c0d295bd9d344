import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

/// Values checked at the door (refused when measures are saved) and reported by `db check` when they
/// got in behind the Store's back; ResearchTests' `ExtremeValuesInExportsTests` shows that exports and
/// statistics survive them.
@Suite struct StoredValueRangeTests {
  static let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  struct Refusal: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let measures: AnswerMeasures
    let column: String
  }

  static let refusals: [Refusal] = [
    Refusal(
      testDescription: "a time that is not a number",
      measures: AnswerMeasures(answer: answer, firstWordOnsetSeconds: .nan, ruleSetVersion: "r"),
      column: "t_first_word_s"),
    Refusal(
      testDescription: "an infinite time",
      measures: AnswerMeasures(answer: answer, lastWordOffsetSeconds: .infinity, ruleSetVersion: "r"),
      column: "t_last_word_end_s"),
    Refusal(
      testDescription: "a time past the recording's end (10 s)",
      measures: AnswerMeasures(
        answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1e308, ruleSetVersion: "r"),
      column: "t_last_word_end_s"),
    Refusal(
      testDescription: "a negative duration",
      measures: AnswerMeasures(answer: answer, pauseTotalSeconds: -1, ruleSetVersion: "r"),
      column: "silent_pauses_total_s"),
    Refusal(
      testDescription: "a negative count", measures: AnswerMeasures(answer: answer, words: -1, ruleSetVersion: "r"),
      column: "words"),
    Refusal(
      testDescription: "the last word before the first",
      measures: AnswerMeasures(answer: answer, firstWordOnsetSeconds: 5, lastWordOffsetSeconds: 2, ruleSetVersion: "r"),
      column: "t_last_word_end_s"),
  ]

  @Test(arguments: refusals)
  func outOfRangeMeasuresAreRefusedAndNothingIsStored(_ example: Refusal) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (database, _) = try StoreFixtures.measuredFile(in: folder)
    let before = try database.measures.fetch(Self.answer)
    let error = #expect(throws: StoreError.self) { try database.measures.save(example.measures) }
    guard case .measureOutOfRange(let answer, let values) = error else {
      Issue.record("expected measureOutOfRange, got \(String(describing: error))")
      return
    }
    #expect(answer == Self.answer)
    #expect(values.map(\.column).contains(example.column))
    #expect(error?.isBadInput == true)
    #expect(try database.measures.fetch(Self.answer) == before)
  }

  /// What `sqlite3` can store: SQLite turns NaN into NULL, so infinities, 1e308, -1 and Int64.max
  /// are the extremes; a REAL in an INTEGER column too.
  @Test func dbCheckReportsEveryOutOfRangeValue() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, path) = try StoreFixtures.measuredFile(in: folder)
    #expect(try SQLiteShell.run(StoreFixtures.extremes, on: path).status == 0)
    let problems = try SessionDatabase(path: path).check.run().problems.compactMap { problem -> String? in
      guard case .valueOutOfRange(let answer, let value) = problem else { return nil }
      return "\(answer.trial)-\(answer.participant) \(value.column)=\(value.value)"
    }
    #expect(
      problems == [
        "T1-P01 t_first_word_s=inf", "T1-P01 t_last_word_end_s=1e+308", "T1-P01 phonation_time_s=-inf",
        "T1-P01 silent_pauses_total_s=-1", "T1-P01 words=1e+308", "T1-P01 ideas_n=-1",
        "T2-P02 t_first_word_s=-1", "T2-P02 t_last_word_end_s=inf", "T2-P02 words_split=2.5",
        "T2-P02 memories_auto_n=-inf", "T3-P02 recording.duration_s=inf",
      ])
    let message = try SessionDatabase(path: path).check.run().summary.english
    #expect(message.contains("Out-of-range value for P01 (session S01, trial T1): t_first_word_s = inf, expected"))
  }
}
