import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Research
@testable import Store

/// The CHAT export of answers transcribed in each format a transcript beside a recording can have,
/// judged by CLAN `check`: Whisper segments and TextGrid labels hold several sentences, ASR words
/// carry their punctuation, segments overlap, and typed text uses characters CHAT reserves.
@Suite struct CHATExportSourcesTests {
  struct Source: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var pathExtension: String
    var contents: String
  }

  static let sources = [
    Source(
      testDescription: "Whisper segments without words, one of two sentences, overlapping", pathExtension: "json",
      contents: """
        {"segments": [{"start": 1.0, "end": 3.5, "text": "Bonjour. Ça me rappelle le marché !"},
                      {"start": 3.2, "end": 5.0, "text": "On y allait le dimanche."}]}
        """),
    Source(
      testDescription: "Whisper segments, two sentences, punctuated words", pathExtension: "json",
      contents: """
        {"segments": [{"start": 1.0, "end": 4.2, "text": " Bonjour, le café. Ça va ?",
          "words": [{"word": " Bonjour,", "start": 1.0, "end": 1.4}, {"word": " le", "start": 1.5, "end": 1.6},
                    {"word": " café.", "start": 1.6, "end": 2.1}, {"word": " Ça", "start": 3.0, "end": 3.2},
                    {"word": " va", "start": 3.2, "end": 3.5}, {"word": " ?", "start": 3.5, "end": 4.2}]}]}
        """),
    Source(
      testDescription: "Whisper top-level words with quotes and an ellipsis", pathExtension: "json",
      contents: """
        {"words": [{"word": "«Maman»", "start": 0.5, "end": 0.9}, {"word": "disait…", "start": 1.0, "end": 1.6},
                   {"word": "euh,", "start": 1.7, "end": 1.9}, {"word": "viens!", "start": 2.0, "end": 2.4}]}
        """),
    Source(
      testDescription: "TextGrid, a label of two sentences", pathExtension: "TextGrid",
      contents: """
        File type = "ooTextFile"
        Object class = "TextGrid"

        xmin = 0
        xmax = 6
        tiers? <exists>
        size = 1
        item []:
            item [1]:
                class = "IntervalTier"
                name = "P01"
                xmin = 0
                xmax = 6
                intervals: size = 3
                intervals [1]:
                    xmin = 0
                    xmax = 1
                    text = ""
                intervals [2]:
                    xmin = 1
                    xmax = 5
                    text = "oui. c'est le café de ma mère."
                intervals [3]:
                    xmin = 5
                    xmax = 6
                    text = ""

        """),
    Source(
      testDescription: "typed text with characters CHAT reserves", pathExtension: "txt",
      contents: """
        Tom & Jerry -- enfin plus > moins, a=b #bien 50% x@gmail {le} oui] (rires il rit 😀 ok ; a--b bon@o p(e)tit.
        Bien* a|b c\\d le ° § a.b oui!non a`b.

        """),
  ]

  @Test(
    .enabled(if: CLANTools.shared != nil, Comment(rawValue: CLANTools.missing)), arguments: sources)
  func theCHATFilePassesCLANCheck(_ source: Source) throws {
    let clan = try #require(CLANTools.shared)
    let file = try Self.exportedCHAT(of: source)
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(String(file.name.split(separator: "/").last!))
    try file.contents.write(to: url, atomically: true, encoding: .utf8)
    let verdict = try clan.check(url)
    #expect(verdict.passed, "CLAN check refused the \(source.testDescription) export:\n\(verdict.report)")
  }

  /// Each sentence of a segment is an utterance. Without word times the second shares the
  /// segment's times, and the next segment starts before the first ends: neither gets a bullet,
  /// which CLAN would refuse.
  @Test func aSegmentOfTwoSentencesGivesTwoUtterancesAndOneBullet() throws {
    let main = try Self.mainTiers(of: Self.sources[0])
    #expect(main == ["Bonjour . \u{15}1000_3500\u{15}", "Ça me rappelle le marché !", "On y allait le dimanche ."])
  }

  /// With word times, each sentence of a Whisper segment has its own: from its first word to its last.
  @Test func aWhisperSegmentOfTwoSentencesIsTimedBySentence() throws {
    let file = try Self.exportedCHAT(of: Self.sources[1]).contents
    let lines = file.split(separator: "\n").map(String.init)
    #expect(
      lines.filter { $0.hasPrefix("*") } == [
        "*P01:\tBonjour , le café . \u{15}1000_2100\u{15}", "*P01:\tÇa va ? \u{15}3000_4200\u{15}",
      ])
    #expect(
      lines.filter { $0.hasPrefix("%wor") } == [
        "%wor:\tBonjour \u{15}1000_1400\u{15} le \u{15}1500_1600\u{15} café \u{15}1600_2100\u{15} .",
        "%wor:\tÇa \u{15}3000_3200\u{15} va \u{15}3200_3500\u{15} .",
      ])
  }

  /// The main tiers of the one file the answer gives, without the speaker code.
  static func mainTiers(of source: Source) throws -> [String] {
    try exportedCHAT(of: source).contents.split(separator: "\n").filter { $0.hasPrefix("*P01:\t") }
      .map { String($0.dropFirst("*P01:\t".count)) }
  }

  /// The CHAT file of one answer (P01, T1) whose transcript is `source`, beside its recording.
  static func exportedCHAT(of source: Source) throws -> ExportedFile {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SessionDatabase(path: folder.appendingPathComponent("connectage.sqlite").path)
    let code = ParticipantCode.numbered(1)
    try database.participants.add(Participant(code: code, study: "espoir-avc"))
    try database.groups.add(ParticipantGroup(id: "G1", study: "espoir-avc", members: [code]))
    try database.sessions.save(TrialStudyFixture.session(1))
    let audio = folder.appendingPathComponent("audio/S01")
    try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
    try source.contents.write(
      to: audio.appendingPathComponent("T1-P01-turn1.\(source.pathExtension)"), atomically: true, encoding: .utf8)
    try database.recordings.save(
      Recording(
        session: "S01", trial: "T1", participant: code, path: "audio/S01/T1-P01-turn1.wav",
        sha256: String(repeating: "ab", count: 32), durationSeconds: 8))
    let files = try CHATExport().files(for: ExportSnapshot.load(from: database, transcripts: true))
    return try #require(files.first)
  }
}
