import SpeechKit

/// What the editor shows beside the text as the coder types: the problems, and the measures the
/// exports would take from this text (the same SpeechKit code, the same rule set).
public struct TranscriptAnalysis: Hashable, Sendable {
  /// Every problem found, in line order; the measures come from the lines without one.
  public var problems: [TranscriptProblem]
  /// The speaker whose words count (``SpeechKit/AnswerSpeaker``), nil when none does.
  public var speaker: String?
  /// Nil when no line of the answering speaker could be read.
  public var measures: TranscriptMeasures?

  public init(problems: [TranscriptProblem], speaker: String?, measures: TranscriptMeasures?) {
    self.problems = problems
    self.speaker = speaker
    self.measures = measures
  }

  /// The automatic memory pre-coding: every episode found, each with the cues that triggered it.
  public var memories: [EvokedMemory] { measures?.memories.automatic ?? [] }

  /// How many of the pre-coded memories are specific.
  public var specificMemories: Int { memories.filter { $0.specificity == .specific }.count }
}
