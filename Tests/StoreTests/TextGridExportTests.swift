import Foundation
import SessionModel
import SpeechKit
import Testing

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
      ])
  }

  @Test(arguments: [
    ("textgrid/S01/T2-P01.TextGrid", "S01-T2-P01.TextGrid"), ("textgrid/S01/T1-P02.TextGrid", "S01-T1-P02.TextGrid"),
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
  }

  @Test(arguments: [
    TierCase(
      testDescription: "timed words: utterance, words, speech and pauses", file: "textgrid/S01/T2-P01.TextGrid",
      tiers: ["P01", "P01-words", "speech", "pauses"], speech: ["silence", "speech", "silence"]),
    TierCase(
      testDescription: "typed text: the utterance spans the measured speech", file: "textgrid/S01/T1-P01.TextGrid",
      tiers: ["P01", "speech"], speech: ["silence", "speech", "silence"]),
    TierCase(
      testDescription: "no transcript: speech and silence only", file: "textgrid/S01/T1-P02.TextGrid",
      tiers: ["speech"], speech: ["silence", "speech", "silence"]),
  ])
  func tiersFollowWhatIsKnown(_ tierCase: TierCase) throws {
    let file = try #require(try files().first { $0.name == tierCase.file })
    // Read back with SpeechKit's reader, which follows Praat's long text format.
    let parsed = try TextGridReader.readTextGrid(text: file.contents, file: tierCase.file)
    #expect(parsed.tiers.map(\.name) == tierCase.tiers)
    #expect(parsed.tier(named: "speech")?.intervals.map(\.text) == tierCase.speech)
  }
}
