/// Word counts of one speaker in one transcript, named as in the export codebook.
public struct WordCounts: Hashable, Sendable, Codable {
  /// The rule set that produced the figures, e.g. `wc-fr-chat-1.0`.
  public var ruleset: String
  public var speaker: String
  public var words = 0
  public var wordsSplit = 0
  public var wordsAsSpoken = 0
  /// Distinct case-folded words (NDW).
  public var types = 0
  /// `types / words`; nil without words.
  public var ttr: Double?
  public var utterances = 0
  public var utterancesMLU = 0
  /// Words in MLU utterances ÷ MLU utterances; nil without MLU utterances.
  public var mluWords: Double?
  public var filledPauses = 0
  public var filledPausesPer100Words: Double?
  public var discourseMarkers = 0
  public var fragments = 0
  public var nonwords = 0
  public var events = 0
  public var unintelligibleTokens = 0
  public var untranscribedTokens = 0
  public var omittedWords = 0
  public var repetitions = 0
  public var retracings = 0
  public var retracedWords = 0
  public var wordErrors = 0
  public var pctWordErrors: Double?
  public var paraphasicWords = 0
  /// Utterances left out with `[+ exc]`.
  public var excludedUtterances = 0

  public init(ruleset: String, speaker: String) {
    self.ruleset = ruleset
    self.speaker = speaker
  }

  enum CodingKeys: String, CodingKey {
    case ruleset, speaker, words
    case wordsSplit = "words_split"
    case wordsAsSpoken = "words_as_spoken"
    case types, ttr, utterances
    case utterancesMLU = "utterances_mlu"
    case mluWords = "mlu_w"
    case filledPauses = "filled_pauses"
    case filledPausesPer100Words = "filled_pauses_per_100w"
    case discourseMarkers = "discourse_markers"
    case fragments, nonwords, events
    case unintelligibleTokens = "unintelligible_tokens"
    case untranscribedTokens = "untranscribed_tokens"
    case omittedWords = "omitted_words"
    case repetitions, retracings
    case retracedWords = "retraced_words"
    case wordErrors = "word_errors"
    case pctWordErrors = "pct_word_errors"
    case paraphasicWords = "paraphasic_words"
    case excludedUtterances = "excluded_utterances"
  }
}
