import Foundation
import SpeechKit

/// One answer as one coder may see it: blind to the trial (no session, trial, image, condition,
/// scent or game: the answer is named by its opaque id) and to the other coders' values of a
/// measure until this coder has saved their own (``ReviewRepository/view(of:for:)``).
public struct ReviewAnswerView: Hashable, Sendable {
  /// The answer's opaque id (`A-` and 12 hexadecimal digits), the only name a page uses.
  public var id: String
  /// The revision a save made from this view must name.
  public var revision: Int
  public var coder: CoderCode
  public var state: ReviewState
  public var recordingDurationSeconds: Double?
  /// What the analysis measured. Words, ideas and automatic memories are counted on the transcript
  /// saved last: nil while that is another coder's and this coder has saved none (blindness).
  public var automatic: AutomaticValues
  /// The transcript this coder starts from: their own last save; before they saved one, the
  /// transcript that was beside the recording before any coder saved (never another coder's).
  public var transcript: TranscriptText?
  /// This coder's own values.
  public var own: CoderValues
  /// The other coders' values, each kind shown only once this coder has saved that kind
  /// (the others' entries are empty for the kinds in ``hidden``).
  public var others: [CoderCode: CoderValues]
  /// What this coder must save before seeing the others' values of it.
  public var hidden: Set<ReviewSaveKind>
  /// Consensus values of the measures this coder may see.
  public var consensus: [ReviewedMeasure: Consensus]

  /// The automatic measures of the answer.
  public struct AutomaticValues: Hashable, Sendable {
    public var firstWordOnsetSeconds: Double?
    public var lastWordOffsetSeconds: Double?
    public var words: Int?
    public var ideas: Int?
    public var memories: Int?
  }
}

/// A transcript's text and how it reads (CHAT or plain text, an ASR draft…). No file name: the
/// recording's name carries the trial and the participant.
public struct TranscriptText: Hashable, Sendable {
  public var text: String
  public var format: TranscriptFormat

  public init(text: String, format: TranscriptFormat) {
    self.text = text
    self.format = format
  }
}

/// One coder's values of an answer; nil where they have saved none (or it is hidden).
public struct CoderValues: Hashable, Sendable {
  public var timing: ReviewedTiming?
  public var memories: MemoryCount?
  /// Words of the coder's last saved transcript.
  public var words: Int?
  /// Whether the coder saved a transcript (their words may still be nil: none of the participant's).
  public var savedTranscript: Bool

  public init(
    timing: ReviewedTiming? = nil, memories: MemoryCount? = nil, words: Int? = nil, savedTranscript: Bool = false
  ) {
    self.timing = timing
    self.memories = memories
    self.words = words
    self.savedTranscript = savedTranscript
  }

  /// The coder's value of one measure, when they gave it.
  public func value(of measure: ReviewedMeasure) -> Double? {
    switch measure {
    case .memories: memories.map { Double($0.memories) }
    case .specificMemories: memories?.specific.map(Double.init)
    case .words: words.map(Double.init)
    case .onset: timing?.firstWordOnsetSeconds
    case .offset: timing?.lastWordOffsetSeconds
    }
  }

  func saved(_ kind: ReviewSaveKind) -> Bool {
    switch kind {
    case .transcript: savedTranscript
    case .timing: timing != nil
    case .memories: memories != nil
    case .consensus: false
    }
  }
}

/// The value the coders agreed on for one measure of one answer, and who recorded it when.
public struct Consensus: Hashable, Sendable {
  /// Nil for a time: the coders agreed no word was spoken.
  public var value: Double?
  public var recordedBy: CoderCode
  public var recordedAt: Date

  public init(value: Double?, recordedBy: CoderCode, recordedAt: Date) {
    self.value = value
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}

/// Where an answer is in the review, from its memory codings and transcript.
public enum ReviewState: String, CaseIterable, Hashable, Sendable, Codable {
  /// No transcript measured yet.
  case toTranscribe = "to_transcribe"
  /// A transcript is measured; no coder has coded its memories.
  case transcribed
  /// One coder has coded its memories.
  case codedOnce = "coded_once"
  /// Two or more coders have, and they differ with no consensus yet.
  case codedTwice = "coded_twice"
  /// Two or more coders have, and they gave the same count or a consensus is recorded.
  case agreed
}
