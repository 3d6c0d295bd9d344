import Foundation
import SpeechKit
import Testing

@testable import Review

/// Drafts the editor cannot edit as written open as their words, and read back the same.
struct DraftTextTests {
  static let webVTT = """
    WEBVTT

    00:00:01.000 --> 00:00:03.500
    euh le café de ma mère

    00:00:04.000 --> 00:00:06.000
    le matin
    """

  @Test func opensASubtitleDraftAsItsWords() throws {
    let draft = try TranscriptReader.read(Data(Self.webVTT.utf8), file: "draft", format: .webVTT)
    let text = DraftText.plainText(of: draft)
    #expect(!text.contains("-->"))
    let reread = try PlainTextReader.read(text: text)
    // The words the draft counts are the words the editor's text counts.
    let speaker = try #require(draft.utterances.first?.speaker)
    #expect(
      TranscriptMeasures.measure(reread, speaker: "PAR").wordCounts.words
        == TranscriptMeasures.measure(draft, speaker: speaker).wordCounts.words)
  }

  @Test func keepsSpeakersWhenThereAreSeveral() {
    let transcript = Transcript(
      format: .asrJSON,
      utterances: [Utterance(speaker: "INV", text: "et là ?"), Utterance(speaker: "PAR", text: "le bal .")])
    #expect(DraftText.plainText(of: transcript) == "INV: et là ?\nPAR: le bal .")
  }
}
