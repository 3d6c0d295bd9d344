/// One main-tier utterance after rule set `wc-fr-chat-1.0`: its countable words and the tallies
/// of everything that is not a word.
public struct CountedUtterance: Hashable, Sendable {
  /// Countable words, normalised (replacement targets, full forms of shortenings), original case.
  public var words: [String] = []
  /// Indices in `words` of the first word after a separator (`,`), a pause or a terminator:
  /// the clause boundaries that content analysis uses.
  public var clauseStarts: Set<Int> = []
  public var wordsSplit = 0
  public var wordsAsSpoken = 0
  public var filledPauses = 0
  public var fragments = 0
  public var nonwords = 0
  public var events = 0
  public var unintelligibleTokens = 0
  public var untranscribedTokens = 0
  public var omittedWords = 0
  public var interposedWords = 0
  public var repetitions = 0
  public var retracings = 0
  public var retracedWords = 0
  public var wordErrors = 0
  /// All main-tier word tokens except `&`-, `0`-, `#`- and `-`-prefixed ones (EVAL `spWrdCnt`).
  public var wordErrorBase = 0
  public var paraphasicWords = 0
  /// Postcodes such as `exc`, `bch`, `mlue`, without `+`.
  public var postcodes: [String] = []
  /// True when the utterance has a terminator.
  public var isTerminated = false

  /// `[+ exc]`: excluded from every measure.
  public var isExcluded: Bool { postcodes.contains("exc") }
  /// `[+ bch]`: excluded from content measures (ideas, memories), kept for words and timing.
  public var isBackchannel: Bool { postcodes.contains("bch") }
  /// Counted in `utterances_mlu`: no `xxx`/`yyy`/`www` and no `[+ mlue]` (CLAN MLU).
  public var countsForMLU: Bool {
    unintelligibleTokens == 0 && untranscribedTokens == 0 && !postcodes.contains("mlue")
  }
}
