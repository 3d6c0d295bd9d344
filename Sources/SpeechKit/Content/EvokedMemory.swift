/// One autobiographical memory episode found in an answer: a personally experienced past event
/// or period, distinct from the others in time or place.
public struct EvokedMemory: Hashable, Sendable, Codable {
  public var specificity: MemorySpecificity
  /// The words of the episode (counted words, clauses joined), for the coder to check.
  public var text: String
  /// Time, place and people cues that anchored the episode (`enfance`, `chez`, `mariage`, `1962`).
  public var cues: [String]
  /// Onset of the episode's first utterance in seconds, when the transcript is timed.
  public var start: Double?

  public init(specificity: MemorySpecificity, text: String, cues: [String] = [], start: Double? = nil) {
    self.specificity = specificity
    self.text = text
    self.cues = cues
    self.start = start
  }
}
