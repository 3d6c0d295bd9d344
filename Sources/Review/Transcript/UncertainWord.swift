import Foundation
import SpeechKit
import Store

/// A word of a speech-recognition draft the recogniser was unsure of (probability below
/// `DraftTranscript.lowConfidence`): the page lists them so the coder listens to those first.
public struct UncertainWord: Hashable, Sendable {
  public var word: String
  public var start: Double
  public var end: Double
  public var probability: Double

  /// The answering speaker's unsure words of an ASR JSON draft, in time order; none for any other
  /// format (a person wrote those) or a draft that does not carry probabilities.
  static func of(_ draft: TranscriptText?) -> [UncertainWord] {
    guard let draft, draft.format == .asrJSON,
      let recognised = try? JSONDecoder().decode(DraftWords.self, from: Data(draft.text.utf8))
    else { return [] }
    // The therapist's question (`INV`, found by prompt matching) is not the patient's answer.
    return recognised.segments.filter { $0.speaker != "INV" }.flatMap { $0.words ?? [] }
      .compactMap { word in
        guard let probability = word.probability, probability < DraftTranscript.lowConfidence else { return nil }
        return UncertainWord(
          word: word.word.trimmingCharacters(in: .whitespaces), start: word.start ?? 0, end: word.end ?? 0,
          probability: probability)
      }
  }

  /// The parts of the Whisper JSON form this needs; any other key is ignored, any missing one tolerated.
  private struct DraftWords: Decodable {
    struct Segment: Decodable {
      var speaker: String?
      var words: [Word]?
    }
    struct Word: Decodable {
      var word: String
      var start: Double?
      var end: Double?
      var probability: Double?
    }
    var segments: [Segment]
  }
}
