import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Research
@testable import Store

@Suite struct TextGridExportTests {
  func files() throws -> [ExportedFile] {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    return try TextGridExport().files(for: ExportSnapshot.load(from: fixture.database, transcripts: true))
  }

  @Test func everyRecordingGetsOneTextGrid() throws {
    #expect(
      try files().map(\.name) == [
        "textgrid/S01/T1-P01.TextGrid", "textgrid/S01/T1-P02.TextGrid", "textgrid/S01/T2-P01.TextGrid",
        "textgrid/S01/T2-P02.TextGrid",
      ])
  }

  @Test(arguments: [
    ("textgrid/S01/T2-P01.TextGrid", "S01-T2-P01.TextGrid"), ("textgrid/S01/T1-P02.TextGrid", "S01-T1-P02.TextGrid"),
    ("textgrid/S01/T2-P02.TextGrid", "S01-T2-P02.TextGrid"),
  ])
  func textGridsMatchTheirGoldenFiles(_ name: String, _ golden: String) throws {
    let file = try #require(try files().first { $0.name == name })
    try GoldenFile.expect(file.contents, matches: golden)
  }

  struct TierCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var file: String
    var tiers: [String]
    var speech: [String]
    var pauses: [String]
  }

  @Test(arguments: [
    TierCase(
      testDescription: "timed words: utterance, words, speech and pauses", file: "textgrid/S01/T2-P01.TextGrid",
      tiers: ["P01", "P01-words", "speech", "pauses"], speech: ["silence", "speech", "silence"],
      pauses: ["", "pause", ""]),
    TierCase(
      testDescription: "typed text: the utterance spans the measured speech", file: "textgrid/S01/T1-P01.TextGrid",
      tiers: ["P01", "speech", "pauses"], speech: ["silence", "speech", "silence"], pauses: [""]),
    TierCase(
      testDescription: "typed text of two sentences: both on the tier, pauses from the audio",
      file: "textgrid/S01/T2-P02.TextGrid", tiers: ["P02", "speech", "pauses"],
      speech: ["silence", "speech", "silence"],
      pauses: ["", "pause", "", "pause", ""]),
    TierCase(
      testDescription: "no transcript: speech, silence and pauses only", file: "textgrid/S01/T1-P02.TextGrid",
      tiers: ["speech", "pauses"], speech: ["silence", "speech", "silence"], pauses: [""]),
  ])
  func tiersFollowWhatIsKnown(_ tierCase: TierCase) throws {
    let file = try #require(try files().first { $0.name == tierCase.file })
    // Read back with SpeechKit's reader, which follows Praat's long text format.
    let parsed = try TextGridReader.readTextGrid(text: file.contents, file: tierCase.file)
    #expect(parsed.tiers.map(\.name) == tierCase.tiers)
    #expect(parsed.tier(named: "speech")?.intervals.map(\.text) == tierCase.speech)
    #expect(parsed.tier(named: "pauses")?.intervals.map(\.text) == tierCase.pauses)
  }

  /// ConnectAge reads its own TextGrids back, with every word of the answer (two sentences and more
  /// included), and their pauses tier holds exactly the stored pauses.
  @Test func everyTextGridReadsBackWithTheAnswersWordsAndCountedPauses() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let snapshot = try ExportSnapshot.load(from: fixture.database, transcripts: true)
    let counter = FrenchWordCounter()
    for (key, recording) in snapshot.recordings {
      let file = try #require(
        try TextGridExport().files(for: snapshot).first {
          $0.name.hasSuffix("/\(key.trial.rawValue)-\(key.participant.rawValue).TextGrid")
        })
      let grid = try TextGridReader.readTextGrid(text: file.contents, file: file.name)
      let measures = try #require(snapshot.measuresByAnswer[key])
      let pauses = try #require(grid.tier(named: "pauses")).intervals.filter { $0.text == "pause" }
      #expect(pauses.map { SpeechSegment(start: $0.xmin, end: $0.xmax) } == measures.pauseIntervals, "\(file.name)")
      #expect(pauses.count == measures.pauseCount)
      for tier in grid.tiers {
        #expect(tier.intervals.first?.xmin == 0 && tier.intervals.last?.xmax == grid.xmax, "\(file.name) \(tier.name)")
        #expect(
          zip(tier.intervals, tier.intervals.dropFirst()).allSatisfy { $0.xmax == $1.xmin }, "\(file.name) \(tier.name)"
        )
      }
      guard let source = snapshot.transcripts[key] else { continue }
      let speaker = recording.participant.rawValue
      let reread = try TextGridReader.read(Data(file.contents.utf8), file: file.name)
      let expected = counter.count(
        Transcript(format: .chat, utterances: AnswerTranscripts.answer(in: source, as: speaker)), speaker: speaker)
      #expect(counter.count(reread, speaker: speaker).words == expected.words, "\(file.name)")
      #expect(expected.words > 0)
    }
  }

  /// Praat itself opens every exported TextGrid: the tiers are those expected, every interval
  /// tier tiles the grid, the answer's words are on its tier, and the pauses tier has the count
  /// and total duration that `measures.csv` reports.
  @Test(.enabled(if: PraatTool.shared != nil, Comment(rawValue: PraatTool.missing)))
  func praatOpensEveryTextGridAndAgreesWithMeasuresCSV() throws {
    let praat = try #require(PraatTool.shared)
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let snapshot = try ExportSnapshot.load(from: fixture.database, transcripts: true)
    let measures = MeasuresTable(
      text: try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" }).contents)
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in try TextGridExport().files(for: snapshot) {
      let url = folder.appendingPathComponent(file.name.replacingOccurrences(of: "/", with: "-"))
      try file.contents.write(to: url, atomically: true, encoding: .utf8)
      let grid = try praat.read(url)
      let key = try #require(
        snapshot.recordings.keys.first {
          file.name.hasSuffix("/\($0.trial.rawValue)-\($0.participant.rawValue).TextGrid")
        })
      let speaker = key.participant.rawValue
      #expect(grid.tiers.allSatisfy { $0.isInterval && $0.tiles }, "\(file.name): \(grid.tiers)")
      if let source = snapshot.transcripts[key] {
        #expect(grid.tiers.map(\.name).prefix(1) == [speaker])
        let words = AnswerTranscripts.answer(in: source, as: speaker).map(\.text).joined(separator: " ")
        #expect(grid.tier(named: speaker)?.labels == words, "\(file.name)")
      }
      #expect(grid.tiers.map(\.name).suffix(2) == ["speech", "pauses"])
      let row = try #require(measures.row(session: "S01", trial: key.trial.rawValue, participant: speaker))
      let pauses = try #require(grid.tier(named: "pauses"))
      #expect(pauses.labelled == Int(try #require(row["silent_pauses_n"])), "\(file.name)")
      #expect(
        abs(pauses.labelledSeconds - Double(try #require(row["silent_pauses_total_s"]))!) < 0.0005 + 1e-9,
        "\(file.name)")
    }
  }
}
