import Foundation
import SessionModel
import Store
import Testing

/// `measures.csv` and `stats` analyse the consensus, then the coders' value, then the automatic
/// one, and say which.
@Suite struct ReviewedValuesExportTests {
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
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let row = try row(of: fixture.first, in: fixture.database)
    #expect(row["t_first_word"] == "0.500")
    #expect(row["words"] == "8")
    #expect(row["memories_n"] == "")
    for column in ["onset_source", "offset_source", "words_source", "memories_source"] {
      #expect(row[column] == "automatic", "\(column)")
    }
  }

  @Test func oneCodersMarksThenTheMeanOfTwoThenTheConsensus() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.6, lastWordOffsetSeconds: 2.4), of: fixture.first, by: fixture.ort1,
      basedOn: fixture.revision(of: fixture.first))
    var row = try row(of: fixture.first, in: fixture.database)
    #expect([row["t_first_word"], row["t_last_word_end"], row["speech_duration_s"]] == ["0.600", "2.400", "1.800"])
    #expect([row["onset_source"], row["offset_source"]] == ["coder", "coder"])

    try review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.8, lastWordOffsetSeconds: 2.4), of: fixture.first, by: fixture.ort2,
      basedOn: fixture.revision(of: fixture.first))
    row = try self.row(of: fixture.first, in: fixture.database)
    #expect([row["t_first_word"], row["onset_source"]] == ["0.700", "coders_mean"])

    try review.saveConsensus(
      0.75, for: .onset, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    row = try self.row(of: fixture.first, in: fixture.database)
    #expect([row["t_first_word"], row["onset_source"], row["offset_source"]] == ["0.750", "consensus", "coders_mean"])
    #expect(row["speech_duration_s"] == "1.650")
    // The automatic times stay stored.
    #expect(try fixture.database.measures.fetch(fixture.first)?.firstWordOnsetSeconds == 0.5)
  }

  @Test func memoriesAndWordsFollowTheSameRule() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try review.saveTranscript(
      "Le verger de mon grand-père.\n", as: .plainText, of: fixture.first, by: fixture.ort1,
      basedOn: fixture.revision(of: fixture.first))
    for (coder, count) in [(fixture.ort1, 1), (fixture.ort2, 3)] {
      try review.saveMemories(
        MemoryCount(memories: count, specific: 0), of: fixture.first, by: coder,
        basedOn: fixture.revision(of: fixture.first))
    }
    var row = try row(of: fixture.first, in: fixture.database)
    #expect([row["words"], row["words_source"]] == ["5", "coder"])
    #expect([row["memories_n"], row["memories_source"], row["memories_coder_id"]] == ["3", "coder", "ORT2"])

    try review.saveConsensus(
      2, for: .memories, of: fixture.first, by: fixture.ort2, basedOn: fixture.revision(of: fixture.first))
    row = try self.row(of: fixture.first, in: fixture.database)
    #expect([row["memories_n"], row["memories_source"]] == ["2", "consensus"])
    #expect(row["memories_auto_n"] != "")

    let report = StatisticsReport(snapshot: try ExportSnapshot.load(from: fixture.database))
    let sources = Dictionary(uniqueKeysWithValues: report.measures.map { ($0.measure, $0.sources) })
    #expect(sources[.memories] == ["consensus": 1])
    #expect(sources[.words] == ["automatic": 1, "coder": 1])
    #expect(sources[.silentPauses] == .some(nil))
    let memories = try #require(report.measures.first { $0.measure == .memories })
    #expect(memories.conditions.flatMap(\.values) == [2])
  }
}
