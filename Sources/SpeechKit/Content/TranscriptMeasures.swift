/// Everything measured on one answer's transcript for one speaker: word counts, idea density and
/// memories, each with the rule set or method that produced it.
public struct TranscriptMeasures: Hashable, Sendable, Codable {
  /// The word-counting rule set (`wc-fr-chat-1.0`, or `wc-fr-plain-1.0` for typed text), also
  /// inside `wordCounts`.
  public var ruleset: String
  public var speaker: String
  public var wordCounts: WordCounts
  public var ideas: IdeaDensity
  public var memories: MemoryCoding

  public init(ruleset: String, speaker: String, wordCounts: WordCounts, ideas: IdeaDensity, memories: MemoryCoding) {
    self.ruleset = ruleset
    self.speaker = speaker
    self.wordCounts = wordCounts
    self.ideas = ideas
    self.memories = memories
  }

  /// Measures `speaker` in `transcript`, counting each utterance once for all three analyses,
  /// under `rules` or else the rule set of the transcript's format.
  public static func measure(
    _ transcript: Transcript, speaker: String, rules: WordCountRules? = nil
  ) -> TranscriptMeasures {
    let rules = rules ?? .forTranscripts(in: transcript.format)
    let counter = FrenchWordCounter(rules: rules)
    let analyzer = IdeaDensityAnalyzer(counter: counter)
    let detector = MemoryDetector(analyzer: analyzer)
    let utterances = transcript.utterances(of: speaker)
    let counted = utterances.map { counter.count(utterance: $0.text) }
    return TranscriptMeasures(
      ruleset: rules.identifier, speaker: speaker,
      wordCounts: counter.totals(of: counted, speaker: speaker),
      ideas: analyzer.analyze(counted),
      memories: MemoryCoding(
        automatic: detector.detect(in: Array(zip(counted, utterances.map(\.start))).map { ($0.0, $0.1) })))
  }

  enum CodingKeys: String, CodingKey {
    case ruleset, speaker, ideas, memories
    case wordCounts = "word_counts"
  }
}
