import Foundation
import Research
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

/// Exports and statistics survive whatever values got into the database behind the Store's back
/// (StoreTests' `StoredValueRangeTests` shows `db check` reporting them).
@Suite struct ExtremeValuesInExportsTests {
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

  static let extremes = """
    UPDATE answer_measures SET t_first_word_s = 9e999, t_last_word_end_s = 1e308, phonation_time_s = -9e999,
      silent_pauses_n = 9223372036854775807, silent_pauses_total_s = -1, words = 1e308, ideas_n = -1
      WHERE trial_id = 'T1' AND participant_code = 'P01';
    UPDATE answer_measures SET t_first_word_s = -1, t_last_word_end_s = 9e999, words = 9223372036854775807,
      words_split = 2.5, memories_auto_n = -9e999
      WHERE trial_id = 'T2' AND participant_code = 'P02';
    UPDATE recording SET duration_s = 9e999 WHERE trial_id = 'T3' AND participant_code = 'P02';
    """

  @Test func exportsAndStatisticsSurviveExtremeStoredValues() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, path) = try Self.measuredFile(in: folder)
    #expect(try SQLiteShell.run(Self.extremes, on: path).status == 0)
    let snapshot = try ExportSnapshot.load(from: SessionDatabase(path: path))

    let csv = try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" })
    let lines = csv.contents.split(separator: "\n")
    #expect(lines.count == 7)
    let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
    for line in lines {
      #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == columns)
      #expect(!line.contains("inf") && !line.contains("nan") && !line.contains("e+"))
    }
    // 1e308 is written out in full, an infinity is empty, Int64.max is itself.
    #expect(csv.contents.contains(String(format: "%.3f", 1e308)))
    #expect(csv.contents.contains(",9223372036854775807,"))
    // The rows whose empty fields hide an infinity or an unreadable count say so.
    let flagged = lines.dropFirst().filter { $0.contains(",stored_value_not_a_number,") }
    #expect(flagged.count == 2)

    let report = StatisticsReport(snapshot: snapshot, measures: StatisticsMeasure.allCases)
    let speech = try #require(report.measures.first { $0.measure == .speechDuration })
    #expect(speech.nonFiniteValuesSkipped == 2)
    #expect(speech.skippedValuesNote?.english.hasPrefix("2 stored value(s) that are not numbers") == true)
    #expect(report.measures.first { $0.measure == .words }?.nonFiniteValuesSkipped == 0)
    for file in StatisticsExport(language: .french).files(for: report) {
      #expect(!file.contents.isEmpty, "\(file.name)")
      if file.name.hasSuffix(".json") {
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) }
      }
      if file.name.hasSuffix(".svg") {
        #expect(!file.contents.contains("nan") && !file.contents.contains("inf"), "\(file.name)")
      }
    }
  }
}
