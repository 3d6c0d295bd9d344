import Foundation
import SpeechKit
import TestSupport
import Testing

/// CLAN itself (`check`, `freq`, `mlu`) judges the CHAT we count: every fixture is valid CHAT,
/// and ConnectAge's words, types and MLU figures equal CLAN's (AphasiaBank practice: `[+ exc]`
/// utterances left out with `-s"[+ exc]"`).
@Suite(.enabled(if: CLANTools.shared != nil, Comment(rawValue: CLANTools.missing)))
struct CLANAgreementTests {
  struct Answer: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var lines: [String]
  }

  static let answers: [Answer] = [
    Answer(
      testDescription: "fillers, a repetition, a pause and unintelligible speech",
      lines: ["&-euh <le café> [/] le café de ma mère (.) j'ai senti l'odeur xxx ."]),
    Answer(
      testDescription: "retracings, a reformulation and a fragment",
      lines: ["on allait <à la> [//] au marché &+sa le samedi .", "c'était [/-] on était heureux ."]),
    Answer(
      testDescription: "replacements, a shortening and an excluded utterance",
      lines: ["chais [: je sais] pas moi .", "p(e)tit à p(e)tit j(e) me souviens .", "oui oui . [+ exc]"]),
    Answer(
      testDescription: "compounds, hyphens and elisions",
      lines: [
        "aujourd'hui mon grand-père m'a dit qu'il pomme_de_terre était là .",
        "peut-être qu'l'on ira jusqu'au bout , est-ce que tu vois ?",
      ]),
    Answer(
      testDescription: "numbers written out, as the CHAT export writes them",
      lines: [
        "en mille neuf cent cinquante-huit je faisais les foins .",
        "il y avait vingt et un moutons et quatre-vingts poules !",
      ]),
    Answer(
      testDescription: "discourse markers, events, an omitted word and trailing off",
      lines: ["ben &=rit bon voilà 0est là hein +...", "alors &-hum enfin bref c'est tout ."]),
    Answer(
      testDescription: "untranscribed speech and a word error",
      lines: ["le chien [* p:n] aboie yyy .", "www .", "elle chantait très bien ."]),
  ]

  static func file(_ answer: Answer, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent("answer.cha")
    let text =
      (["@UTF8", "@Begin", "@Languages:\tfra", "@Participants:\tP01 Participant",
        "@ID:\tfra|connectage|P01|||G1||Participant||P01|"]
      + answer.lines.map { "*P01:\t\($0)" } + ["@End"]).joined(separator: "\n") + "\n"
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test(arguments: answers)
  func wordAndUtteranceCountsEqualCLANs(_ answer: Answer) throws {
    let clan = try #require(CLANTools.shared)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = try Self.file(answer, in: folder)
    let verdict = try clan.check(url)
    #expect(verdict.passed, "CLAN check refused the fixture:\n\(verdict.report)")

    let ours = FrenchWordCounter().count(try CHATReader.read(url: url), speaker: "P01")
    let theirs = try clan.counts(of: "P01", in: url)
    let mluWords = Int(((ours.mluWords ?? 0) * Double(ours.utterancesMLU)).rounded())
    #expect(
      CLANTools.Counts(words: ours.words, types: ours.types, mluUtterances: ours.utterancesMLU, mluWords: mluWords)
        == theirs)
  }

  /// The CHAT files kept as goldens in the tests are CHAT that CLAN accepts.
  @Test func theCHATGoldensPassCLANCheck() throws {
    let clan = try #require(CLANTools.shared)
    let tests = RepositoryRoot.url.appendingPathComponent("Tests")
    let goldens = try FileManager.default.contentsOfDirectory(atPath: tests.path).flatMap { target in
      let folder = tests.appendingPathComponent(target).appendingPathComponent("Goldens")
      return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".cha") }.map { folder.appendingPathComponent($0) }
    }
    #expect(!goldens.isEmpty)
    for golden in goldens {
      // CLAN reads from the file's own folder; a copy keeps the checkout untouched.
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clan-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let copy = folder.appendingPathComponent(golden.lastPathComponent)
      try FileManager.default.copyItem(at: golden, to: copy)
      let verdict = try clan.check(copy)
      #expect(verdict.passed, "CLAN check refused \(golden.path):\n\(verdict.report)")
    }
  }
}
