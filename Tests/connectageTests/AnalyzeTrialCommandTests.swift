import Foundation
import TestSupport
import Testing

/// `connectage analyze trial`: one answer's own speech, or a refusal saying why; never 0 words by default.
@Suite struct AnalyzeTrialCommandTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let fileName: String
    let text: String
    var speaker: String? = nil
    /// Words counted when the command must succeed.
    var words: Int? = nil
    /// What standard error must say when it must refuse (exit 2).
    var refusal: String? = nil
  }

  static let chatHead = "@UTF8\n@Begin\n@Languages:\tfra\n@Participants:\tP01 Participant, P02 Participant\n"

  static let cases: [Case] = [
    Case(
      testDescription: "a *P01: tier is the only speaker's answer", fileName: "answer.cha",
      text: chatHead + "*P01:\tle verger de mon grand-père .\n@End\n", words: 5),
    Case(
      testDescription: "an empty TextGrid: refused, not 0 words", fileName: "answer.TextGrid",
      text: "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0 0.5 <absent>\n",
      refusal: "answer.TextGrid : la transcription ne contient aucun énoncé du locuteur qui répond"),
    Case(
      testDescription: "P02's whole session against one answer: refused, saying how to split",
      fileName: "session.cha",
      text: chatHead
        + "@G:\tT1 image verger\n*P02:\tle verger .\n@G:\tT2 image_scent cafe\n*P02:\tle café de ma mère .\n@End\n",
      speaker: "P02", refusal: "session.cha:8:1: cette transcription contient les réponses de P02 à plusieurs essais"),
    Case(
      testDescription: "P02's answer to one trial of a multi-speaker file", fileName: "trial.cha",
      text: chatHead + "@G:\tT1 image verger\n*P01:\tle verger .\n*P02:\tle café de ma mère .\n@End\n",
      speaker: "P02", words: 5),
    Case(
      testDescription: "bullets on a session's clock, past this recording", fileName: "late.cha",
      text: chatHead + "*P01:\tle café . \u{15}600000_603000\u{15}\n@End\n",
      refusal: "late.cha:5:1: « le café . » (P01) est daté à 600.0 s, hors de l'enregistrement"),
    Case(
      testDescription: "a TextGrid on a session's clock, past this recording", fileName: "late.TextGrid",
      text: "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0 603 <exists> 1\n"
        + "\"IntervalTier\" \"P01\" 0 603 2\n0 600 \"\"\n600 603 \"le café .\"\n",
      refusal: "late.TextGrid:6:1: « le café . » (P01) est daté à 600.0 s, hors de l'enregistrement"),
    Case(
      testDescription: "two candidate speakers: refused, naming them", fileName: "two.cha",
      text: chatHead + "*P01:\toui .\n*P02:\tnon .\n@End\n",
      refusal: "plusieurs locuteurs possibles pour la réponse (P01, P02)"),
  ]

  @Test(arguments: cases)
  func measuresOnlyThisAnswersOwnSpeech(_ example: Case) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-trial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = try SpeechCorpus.load(seed: 23, count: 1)
    let audio = folder.appendingPathComponent("answer.wav")
    try FileManager.default.copyItem(at: corpus.url(of: corpus.items[0]), to: audio)
    try example.text.write(to: folder.appendingPathComponent(example.fileName), atomically: true, encoding: .utf8)

    let run = try CommandRun.connectage(
      ["analyze", "trial", "--audio", "answer.wav", "--transcript", example.fileName]
        + (example.speaker.map { ["--speaker", $0] } ?? []), in: folder)
    if let refusal = example.refusal {
      #expect(run.exitCode == 2)
      #expect(run.standardOutput.isEmpty)
      #expect(run.standardError.contains(refusal), "\(run.standardError)")
    } else {
      #expect(run.exitCode == 0, "\(run.standardError)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
      let transcript = try #require(json["transcript"] as? [String: Any])
      let counts = try #require(transcript["word_counts"] as? [String: Any])
      #expect(counts["words"] as? Int == example.words)
      #expect(transcript["speaker"] as? String == example.speaker ?? "P01")
      #expect(json["missing_reasons"] as? [String] == [])
    }
  }
}
