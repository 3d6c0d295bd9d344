import Foundation

/// A speech-recognition draft of one answer, in the Whisper JSON form ``ASRJSONReader`` reads:
/// `segments[]` with `start`, `end`, `text`, `speaker` and `words[]` (`word`, `start`, `end`,
/// `probability`), plus what says it is a draft (`"transcript_source": "asr"`) and how it was made.
///
/// The therapist's question, when found at the start (``PromptMatcher``), is its own segment
/// spoken by `INV`, so the answering speaker `PAR` starts after it: every reader of the draft, and
/// the transcript a reviewer makes from it, then measures the patient's words only.
public struct DraftTranscript: Hashable, Sendable, Codable {
  /// Words the recogniser was less sure of than this are shown highlighted to the reviewer.
  public static let lowConfidence = 0.5

  public var transcriptSource: TranscriptSource
  /// The model folder's name (`whisper-base`, `faster-whisper-large-v3`), never its full path.
  public var model: String
  public var language: String
  /// The recording's duration in seconds, as the recogniser read it.
  public var duration: Double
  /// The prompt found at the start, if any.
  public var prompt: PromptMatch?
  public var segments: [Segment]

  public struct Segment: Hashable, Sendable, Codable {
    public var speaker: String
    public var start: Double
    public var end: Double
    public var text: String
    public var words: [RecognizedWord]
  }

  enum CodingKeys: String, CodingKey {
    case transcriptSource = "transcript_source"
    case model, language, duration, prompt, segments
  }

  /// The draft of `segments`, with the first words that match `prompt` (when given) marked as the
  /// therapist's (`INV`) and the rest as the answer (`PAR`).
  public init(
    segments recognized: [RecognizedSegment], model: String, language: String, duration: Double,
    prompt: PromptMatcher? = nil
  ) {
    transcriptSource = .asr
    self.model = model
    self.language = language
    self.duration = duration
    let words = recognized.flatMap(\.words)
    let match = prompt?.match(words.map { TimedWord(text: $0.word, start: $0.start, end: $0.end) })
    self.prompt = match
    var promptLeft = match?.wordCount ?? 0
    var segments: [Segment] = []
    for segment in recognized {
      let asked = Array(segment.words.prefix(promptLeft))
      promptLeft -= asked.count
      let answered = Array(segment.words.dropFirst(asked.count))
      if asked.isEmpty {
        segments.append(
          Segment(
            speaker: "PAR", start: segment.start, end: segment.end,
            text: segment.text.trimmingWhitespace(), words: segment.words))
        continue
      }
      segments.append(Self.segment(of: asked, speaker: "INV"))
      if !answered.isEmpty { segments.append(Self.segment(of: answered, speaker: "PAR")) }
    }
    self.segments = segments
  }

  private static func segment(of words: [RecognizedWord], speaker: String) -> Segment {
    Segment(
      speaker: speaker, start: words[0].start, end: words[words.count - 1].end,
      text: words.map(\.word).joined().trimmingWhitespace(), words: words)
  }

  /// The answer's first word's start (after the prompt), or nil when the draft has no answer.
  public var firstAnswerWordStart: Double? {
    segments.first { $0.speaker == "PAR" && !$0.words.isEmpty }?.words.first?.start
  }

  /// The JSON text written beside the recording: keys in a fixed order, one segment per line block.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}
