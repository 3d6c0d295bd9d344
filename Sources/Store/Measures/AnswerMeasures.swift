import SessionModel
import SpeechKit

/// What the analysis measured in one answer. Times are seconds on the recording's clock (0 is its
/// first sample); `nil` means not measured, or not applicable (no word was spoken).
///
/// Speech duration and idea density are not stored: exports derive them from these fields, so
/// they can never disagree with them. Definitions: docs of the codebook (``Codebook``).
public struct AnswerMeasures: Hashable, Sendable {
  public var answer: AnswerKey
  public var firstWordOnsetSeconds: Double?
  public var lastWordOffsetSeconds: Double?
  /// Phonation time: the summed duration of vocal tokens between the first and the last word.
  public var speakingTimeSeconds: Double?
  public var pauseCount: Int?
  public var pauseTotalSeconds: Double?
  /// The pauses `pauseCount` counts, in time order; `nil` when they were not kept (measured
  /// before they were, or entered as figures only).
  public var pauseIntervals: [SpeechSegment]?
  /// The shortest silence counted as a pause.
  public var pauseThresholdMilliseconds: Int
  /// Countable words, elisions counted once (`j'ai` = 1).
  public var words: Int?
  /// Countable words, elisions split (`j'ai` = 2).
  public var wordsSplit: Int?
  public var ideas: Int?
  /// Memories found automatically, before a coder confirms them (see SpeechKit's `MemoryCoding`).
  public var automaticMemories: Int?
  /// The word-counting rule set, e.g. `wc-fr-chat-1.0`.
  public var ruleSetVersion: String
  /// Why measures are missing, as SpeechKit's ``SpeechKit/MissingMeasureReason`` codes joined by
  /// `;` (`no_transcript`); nil when nothing is missing or the answer was filed before reasons were kept.
  public var missingReason: String?
  /// Where the transcript's words came from (`asr` for an unreviewed draft); nil when the answer
  /// has no transcript, or was filed before sources were kept.
  public var transcriptSource: TranscriptSource?

  public init(
    answer: AnswerKey, firstWordOnsetSeconds: Double? = nil, lastWordOffsetSeconds: Double? = nil,
    speakingTimeSeconds: Double? = nil, pauseCount: Int? = nil, pauseTotalSeconds: Double? = nil,
    pauseThresholdMilliseconds: Int = 250, words: Int? = nil, wordsSplit: Int? = nil, ideas: Int? = nil,
    automaticMemories: Int? = nil, ruleSetVersion: String, pauseIntervals: [SpeechSegment]? = nil,
    missingReason: String? = nil, transcriptSource: TranscriptSource? = nil
  ) {
    self.answer = answer
    self.firstWordOnsetSeconds = firstWordOnsetSeconds
    self.lastWordOffsetSeconds = lastWordOffsetSeconds
    self.speakingTimeSeconds = speakingTimeSeconds
    self.pauseCount = pauseCount
    self.pauseTotalSeconds = pauseTotalSeconds
    self.pauseThresholdMilliseconds = pauseThresholdMilliseconds
    self.words = words
    self.wordsSplit = wordsSplit
    self.ideas = ideas
    self.automaticMemories = automaticMemories
    self.ruleSetVersion = ruleSetVersion
    self.pauseIntervals = pauseIntervals
    self.missingReason = missingReason
    self.transcriptSource = transcriptSource
  }

  /// `t_last_word_end − t_first_word`; `nil` without both times.
  public var speechDurationSeconds: Double? {
    guard let first = firstWordOnsetSeconds, let last = lastWordOffsetSeconds else { return nil }
    return last - first
  }

  /// Ideas per ten words; `nil` without ideas or without words.
  public var ideaDensity: Double? {
    guard let ideas, let words, words > 0 else { return nil }
    return Double(ideas) / Double(words) * 10
  }
}
