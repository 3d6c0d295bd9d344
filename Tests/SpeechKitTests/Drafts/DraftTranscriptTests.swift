import Foundation
import Testing

@testable import SpeechKit

@Suite struct DraftTranscriptTests {
  static func word(_ text: String, _ start: Double, probability: Double = 0.9) -> RecognizedWord {
    RecognizedWord(word: text, start: start, end: start + 0.3, probability: probability)
  }

  /// Whisper's segments for a question followed by an answer, the answer starting mid-segment.
  static let recognized = [
    RecognizedSegment(
      start: 0.5, end: 2.6, text: " Qu'est-ce que cela vous rappelle ? Euh le verger",
      words: [
        word(" Qu'est-ce", 0.5), word(" que", 0.8), word(" cela", 1.1), word(" vous", 1.4), word(" rappelle ?", 1.7),
        word(" le", 2.0, probability: 0.3), word(" verger", 2.3),
      ]),
    RecognizedSegment(
      start: 3.0, end: 3.6, text: " de mon grand-père.", words: [word(" de", 3.0), word(" mon grand-père.", 3.3)]),
  ]

  @Test func thePromptBecomesTheTherapistsAndTheAnswerStartsAfterIt() throws {
    let draft = DraftTranscript(
      segments: Self.recognized, model: "whisper-base", language: "fr", duration: 4,
      prompt: PromptMatcher(prompt: "Qu'est-ce que cela vous rappelle ?"))
    #expect(draft.prompt?.wordCount == 5)
    #expect(draft.segments.map(\.speaker) == ["INV", "PAR", "PAR"])
    #expect(draft.segments[0].text == "Qu'est-ce que cela vous rappelle ?")
    #expect(draft.segments[1].text == "le verger")
    #expect(draft.firstAnswerWordStart == 2.0)

    // Read back as any transcript: a draft, measured on the patient's words only.
    let transcript = try ASRJSONReader.read(try draft.encoded(), file: "draft.json")
    #expect(transcript.source == .asr)
    #expect(transcript.utterances.map(\.speaker) == ["INV", "PAR", "PAR"])
    let speech = try AnswerSpeech.select(in: transcript, file: "draft.json", recordingDuration: 4)
    #expect(speech.speaker == "PAR")
    #expect(speech.utterances.flatMap(\.words).first?.start == 2.0)
  }

  @Test func withoutAPromptEverySegmentIsTheAnswer() throws {
    let draft = DraftTranscript(segments: Self.recognized, model: "whisper-base", language: "fr", duration: 4)
    #expect(draft.prompt == nil)
    #expect(draft.segments.map(\.speaker) == ["PAR", "PAR"])
    #expect(draft.firstAnswerWordStart == 0.5)
    let json = try #require(try JSONSerialization.jsonObject(with: draft.encoded()) as? [String: Any])
    #expect(json["transcript_source"] as? String == "asr")
    let words = try #require(((json["segments"] as? [[String: Any]])?.first?["words"]) as? [[String: Any]])
    #expect(words[5]["probability"] as? Double == 0.3, "each word keeps the recogniser's confidence")
  }

  @Test func silenceGivesADraftWithNoWords() throws {
    let draft = DraftTranscript(segments: [], model: "whisper-base", language: "fr", duration: 3)
    let transcript = try ASRJSONReader.read(try draft.encoded(), file: "silence.json")
    #expect(transcript.utterances.isEmpty)
    #expect(draft.firstAnswerWordStart == nil)
  }
}
