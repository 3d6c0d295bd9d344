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
      ([
        "@UTF8", "@Begin", "@Languages:\tfra", "@Participants:\tP01 Participant",
        "@ID:\tfra|connectage|P01|||G1||Participant||P01|",
      ]
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

  /// Typed answers as a therapist or an ASR writes them, digits included: what `CHATWriter` makes
  /// of them passes CLAN `check`, and CLAN counts the words ConnectAge counted in the typed text.
  @Test(arguments: [
    "En 1958, je faisais les foins à la ferme de mon oncle.",
    "J'avais 20 ans, le 1er mai 1968. On est partis à 14h30 !",
    "Le car partait à 7:45 et on rentrait vers 21h, à 1h05 au plus tard.",
    "Ma 2e fille est née en 1971 ; elle pesait 3,5 kilos.",
    "Euh... on était 21, non 80 ou 91 personnes. Le bal, hein, c'était en l'an 2000.",
    "C'était 50% moins cher : 10 000 francs, au 3ème étage du n°12, et il faisait 30°.",
  ])
  func typedAnswersWrittenAsCHATPassCheckAndCountTheSame(_ typed: String) throws {
    let clan = try #require(CLANTools.shared)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try PlainTextReader.read(text: typed, speaker: "P01")
    let url = folder.appendingPathComponent("typed.cha")
    try CHATWriter.text(of: source).write(to: url, atomically: true, encoding: .utf8)
    let verdict = try clan.check(url)
    let written = try String(contentsOf: url, encoding: .utf8)
    #expect(verdict.passed, "CLAN check refused:\n\(written)\n\(verdict.report)")
    let ours = FrenchWordCounter().count(source, speaker: "P01")
    #expect(FrenchWordCounter().count(try CHATReader.read(url: url), speaker: "P01") == ours)
    #expect(try clan.counts(of: "P01", in: url).words == ours.words)
  }

  /// A decimal comma is read as said: `1,5` is `un virgule cinq`, three words, which CLAN counts in
  /// the CHAT written for it; without its comma it was `quinze`, one.
  @Test func aDecimalCommaIsReadAsSaid() throws {
    let clan = try #require(CLANTools.shared)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try PlainTextReader.read(text: "Il avait 1,5 an.", speaker: "P01")
    let url = folder.appendingPathComponent("typed.cha")
    let written = CHATWriter.text(of: source)
    try written.write(to: url, atomically: true, encoding: .utf8)
    #expect(written.contains("*P01:\tIl avait un virgule cinq an ."), "\(written)")
    #expect(FrenchWordCounter().count(source, speaker: "P01").words == 6)
    #expect(try clan.counts(of: "P01", in: url).words == 6)
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
