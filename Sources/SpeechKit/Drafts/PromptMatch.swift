/// Where the therapist's question ends in a draft: its words are the draft's first `wordCount`
/// words, found with `similarity` (1 is an exact match of the letters).
public struct PromptMatch: Hashable, Sendable, Codable {
  /// How many of the draft's first words are the prompt.
  public var wordCount: Int
  /// 1 − edit distance ÷ length, over the letters of the matched words and of the prompt.
  public var similarity: Double
  /// When the prompt's last word ends, in seconds on the recording's clock.
  public var end: Double

  public init(wordCount: Int, similarity: Double, end: Double) {
    self.wordCount = wordCount
    self.similarity = similarity
    self.end = end
  }
}
