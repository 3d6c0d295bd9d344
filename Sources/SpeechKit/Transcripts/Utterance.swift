/// One main-tier line of one speaker, with its optional times and dependent tiers.
public struct Utterance: Hashable, Sendable, Codable {
  /// The speaker's CHAT code (`PAR`, `INV`, `PA1`…).
  public var speaker: String
  /// Main-tier content in CHAT notation, without the final media bullet.
  public var text: String
  /// Start and end in seconds on the recording clock, when known.
  public var start: Double?
  public var end: Double?
  /// Word times (from `%wor`, a TextGrid word tier or ASR output), as spoken.
  public var words: [TimedWord]
  /// Tokens of `%wor` that carry no time (an aligner could not place them), as written there: the
  /// word times leave part of the utterance's speech unplaced.
  public var untimedWords: [String] = []
  /// Dependent tiers (`%mor`, `%com`…) kept as read so they are written back unchanged.
  public var dependentTiers: [DependentTier]
  /// The gem (one trial) the utterance belongs to, when the file marks gems.
  public var gem: Gem?
  /// Headers (other than gems) found just before this utterance, such as `@Comment`.
  public var headersBefore: [CHATHeader]
  /// The line of the source file where the utterance starts (1-based), when read from a file.
  public var line: Int?

  public init(
    speaker: String, text: String, start: Double? = nil, end: Double? = nil, words: [TimedWord] = [],
    dependentTiers: [DependentTier] = [], gem: Gem? = nil, headersBefore: [CHATHeader] = [], line: Int? = nil
  ) {
    self.speaker = speaker
    self.text = text
    self.start = start
    self.end = end
    self.words = words
    self.dependentTiers = dependentTiers
    self.gem = gem
    self.headersBefore = headersBefore
    self.line = line
  }
}
