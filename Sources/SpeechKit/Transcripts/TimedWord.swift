/// A word with its times in seconds, as spoken (fillers included, as `%wor` does).
public struct TimedWord: Hashable, Sendable, Codable {
  public var text: String
  public var start: Double
  public var end: Double

  public init(text: String, start: Double, end: Double) {
    self.text = text
    self.start = start
    self.end = end
  }
}

extension TimedWord {
  /// The word as `%wor` holds it, without the punctuation ASR prints with it
  /// (``CHATWordForm/spokenWord(_:)``); nil when nothing in it is speech.
  var inCHAT: TimedWord? {
    CHATWordForm.spokenWord(text).map { TimedWord(text: $0, start: start, end: end) }
  }
}
