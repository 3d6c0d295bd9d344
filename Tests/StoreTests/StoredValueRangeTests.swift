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

  /// Participants P01 and P02 answering the three trials of S01 (image, image_scent, image_game),
  /// each answer with a ten-second recording and plausible measures, in a file `sqlite3` can edit.
  static func measuredFile(in folder: URL) throws -> (SessionDatabase, String) {
    let path = folder.appendingPathComponent("study.sqlite").path
    let database = try SessionDatabase(path: path)
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    for (person, participant) in [code("P01"), code("P02")].enumerated() {
      for (index, trial) in StoreFixtures.firstSession.trials.enumerated() {
        let answer = AnswerKey(session: "S01", trial: trial.id, participant: participant)
        try database.recordings.save(
          Recording(
            session: "S01", trial: trial.id, participant: participant, path: "audio/\(trial.id)-\(participant).wav",
            sha256: String(repeating: "0", count: 64), durationSeconds: 10))
        let words = 4 + 3 * index + person
        try database.measures.save(
          AnswerMeasures(
            answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + Double(words) / 2,
            speakingTimeSeconds: Double(words) / 3, pauseCount: 1, pauseTotalSeconds: 0.5, words: words,
            wordsSplit: words, ideas: words / 3, automaticMemories: 0, ruleSetVersion: "wc-fr-chat-1.0"))
      }
    }
    return (database, path)
  }

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
    let (database, _) = try Self.measuredFile(in: folder)
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
  static let extremes = """
    UPDATE answer_measures SET t_first_word_s = 9e999, t_last_word_end_s = 1e308, phonation_time_s = -9e999,
      silent_pauses_n = 9223372036854775807, silent_pauses_total_s = -1, words = 1e308, ideas_n = -1
      WHERE trial_id = 'T1' AND participant_code = 'P01';
    UPDATE answer_measures SET t_first_word_s = -1, t_last_word_end_s = 9e999, words = 9223372036854775807,
      words_split = 2.5, memories_auto_n = -9e999
      WHERE trial_id = 'T2' AND participant_code = 'P02';
    UPDATE recording SET duration_s = 9e999 WHERE trial_id = 'T3' AND participant_code = 'P02';
    """

  @Test func dbCheckReportsEveryOutOfRangeValue() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, path) = try Self.measuredFile(in: folder)
    #expect(try SQLiteShell.run(Self.extremes, on: path).status == 0)
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
