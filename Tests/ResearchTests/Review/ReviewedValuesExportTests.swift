import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// `measures.csv` and `stats` analyse the consensus, then the coders' value, then the automatic
/// one, and say which.
@Suite struct ReviewedValuesExportTests {
  let first = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
  let second = AnswerKey(session: "S01", trial: "T1", participant: code("P02"))
  let ort1 = CoderCode(rawValue: "ORT1")!
  let ort2 = CoderCode(rawValue: "ORT2")!

  /// Two answers of trial T1 measured automatically (onset 0.5 s, offset 2.5 s, 8 words).
  private func database() throws -> SessionDatabase {
    let database = try StoreFixtures.plannedDatabase()
    for answer in [first, second] {
      try database.measures.save(
        AnswerMeasures(
          answer: answer, firstWordOnsetSeconds: 0.5, lastWordOffsetSeconds: 2.5, words: 8, automaticMemories: 1,
          ruleSetVersion: "vad-1.0+wc-fr-chat-1.0"))
    }
    return database
  }

  private func revision(of answer: AnswerKey, in database: SessionDatabase) throws -> Int {
    try database.review.view(of: answer, for: ort1).revision
  }

  private func row(of answer: AnswerKey, in database: SessionDatabase) throws -> [String: String] {
    let files = try CSVExport().files(for: ExportSnapshot.load(from: database))
    let lines = try #require(files.first { $0.name == "measures.csv" }).contents.split(separator: "\n")
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let line = try #require(
      lines.dropFirst().first { $0.contains(",\(answer.participant.rawValue),\(answer.trial.rawValue),") })
    return Dictionary(
      uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
  }

  @Test func withoutReviewEverySourceIsAutomatic() throws {
    let row = try row(of: first, in: database())
    // Memories nobody coded: the automatic pre-coding, labelled automatic.
    #expect(
      [row["t_first_word"], row["words"], row["memories_n"], row["memories_auto_n"]] == ["0.500", "8", "1", "1"])
    for column in ["onset_source", "offset_source", "words_source", "memories_source"] {
      #expect(row[column] == "automatic", "\(column)")
    }
  }

  @Test func oneCodersMarksThenTheMeanOfTwoThenTheConsensus() throws {
    let database = try database()
    let review = database.review
    try review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.6, lastWordOffsetSeconds: 2.4), of: first, by: ort1,
      basedOn: revision(of: first, in: database))
    var row = try row(of: first, in: database)
    #expect([row["t_first_word"], row["t_last_word_end"], row["speech_duration_s"]] == ["0.600", "2.400", "1.800"])
    #expect([row["onset_source"], row["offset_source"]] == ["coder", "coder"])

    try review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.8, lastWordOffsetSeconds: 2.4), of: first, by: ort2,
      basedOn: revision(of: first, in: database))
    row = try self.row(of: first, in: database)
    #expect([row["t_first_word"], row["onset_source"]] == ["0.700", "coders_mean"])

    try review.saveConsensus(0.75, for: .onset, of: first, by: ort1, basedOn: revision(of: first, in: database))
    row = try self.row(of: first, in: database)
    #expect([row["t_first_word"], row["onset_source"], row["offset_source"]] == ["0.750", "consensus", "coders_mean"])
    #expect(row["speech_duration_s"] == "1.650")
    // The automatic times stay stored, and the other answer is untouched.
    #expect(try database.measures.fetch(first)?.firstWordOnsetSeconds == 0.5)
    #expect(try self.row(of: second, in: database)["onset_source"] == "automatic")
  }

  @Test func memoriesFollowTheRuleAndStatisticsSayWhere() throws {
    let database = try database()
    let review = database.review
    for (coder, count) in [(ort1, 1), (ort2, 3)] {
      try review.saveMemories(
        MemoryCount(memories: count, specific: 0), of: first, by: coder, basedOn: revision(of: first, in: database))
    }
    var row = try row(of: first, in: database)
    #expect([row["memories_n"], row["memories_source"], row["memories_coder_id"]] == ["3", "coder", "ORT2"])

    try review.saveConsensus(2, for: .memories, of: first, by: ort2, basedOn: revision(of: first, in: database))
    row = try self.row(of: first, in: database)
    #expect([row["memories_n"], row["memories_source"], row["memories_auto_n"]] == ["2", "consensus", "1"])

    let report = StatisticsReport(snapshot: try ExportSnapshot.load(from: database))
    let sources = Dictionary(uniqueKeysWithValues: report.measures.map { ($0.measure, $0.sources) })
    // The second answer, coded by nobody, counts with its automatic pre-coding, and says so.
    #expect(sources[.memories] == ["consensus": 1, "automatic": 1])
    #expect(sources[.words] == ["automatic": 2])
    #expect(sources[.speechDuration] == ["automatic": 2])
    let memories = try #require(report.measures.first { $0.measure == .memories })
    #expect(memories.conditions.map(\.answers) == [2])
    // One answer each from two participants: their means are the consensus 2 and the automatic 1.
    #expect(memories.conditions.flatMap(\.values).sorted() == [1, 2])
    #expect(
      memories.sourcesNote?.english
        == "analysed values (consensus, then coder, then automatic): automatic 1, consensus 1")
    #expect(report.measures.first { $0.measure == .words }?.sourcesNote == nil)
    let summary = try #require(
      StatisticsExport(language: .english).files(for: report).first {
        $0.name == "condition_summary.csv"
      })
    #expect(summary.contents.hasPrefix("measure,condition,"))
    #expect(summary.contents.contains(",delivered,automatic=1;consensus=1\n"))
  }

  @Test func wordsComeFromTheConsensusElseTheTranscriptACoderSaved() throws {
    let session = StoreFixtures.firstSession
    var answer = AnalysedAnswer(
      session: session, trial: session.trials[0], group: nil,
      measures: AnswerMeasures(answer: first, words: 12, ruleSetVersion: "wc-fr-chat-1.0"), recording: nil,
      coding: nil, takes: 1, scent: nil)
    #expect(answer.words == AnalysedValue(value: 12, source: .automatic))
    answer.review.coders[ort1] = CoderValues(words: 12, savedTranscript: true)
    #expect(answer.words == AnalysedValue(value: 12, source: .coder))
    answer.review.consensus[.words] = Consensus(value: 11, recordedBy: ort2, recordedAt: Date())
    #expect(answer.words == AnalysedValue(value: 11, source: .consensus))
    // Coders who all heard no word: no time, from the coders.
    answer.review.coders[ort1]?.timing = .noSpeech
    answer.review.coders[ort2] = CoderValues(timing: .noSpeech)
    #expect(answer.firstWordOnset == AnalysedValue(value: nil, source: .codersMean))
  }

  /// `idea_density` is `ideas_n / words × 10` with the words exported beside it: a consensus on the
  /// word count changes it, and a consensus of no words leaves it empty.
  @Test func ideaDensityUsesTheWordsItIsExportedWith() throws {
    let session = StoreFixtures.firstSession
    var answer = AnalysedAnswer(
      session: session, trial: session.trials[0], group: nil,
      measures: AnswerMeasures(answer: first, words: 12, ideas: 3, ruleSetVersion: "wc-fr-chat-1.0"), recording: nil,
      coding: nil, takes: 1, scent: nil)
    #expect(answer.ideaDensity == 2.5)
    answer.review.consensus[.words] = Consensus(value: 15, recordedBy: ort2, recordedAt: Date())
    #expect(answer.ideaDensity == 2)
    #expect(StatisticsMeasure.ideaDensity.value(of: answer) == 2)
    answer.review.consensus[.words] = Consensus(value: 0, recordedBy: ort2, recordedAt: Date())
    #expect(answer.ideaDensity == nil)
  }
}
