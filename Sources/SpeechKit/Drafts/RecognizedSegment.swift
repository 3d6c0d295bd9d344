/// One segment as the speech recogniser returned it: its text, times, and each word with its
/// times and the recogniser's probability (how sure it was of the word).
public struct RecognizedSegment: Hashable, Sendable, Codable {
  public var start: Double
  public var end: Double
  public var text: String
  public var words: [RecognizedWord]

  public init(start: Double, end: Double, text: String, words: [RecognizedWord]) {
    self.start = start
    self.end = end
    self.text = text
    self.words = words
  }
}

/// One recognised word, as Whisper writes it (with its leading space).
public struct RecognizedWord: Hashable, Sendable, Codable {
  public var word: String
  public var start: Double
  public var end: Double
  /// 0…1: below ``DraftTranscript/lowConfidence`` a reviewer should look at it first.
  public var probability: Double

  public init(word: String, start: Double, end: Double, probability: Double) {
    self.word = word
    self.start = start
    self.end = end
    self.probability = probability
  }
}
