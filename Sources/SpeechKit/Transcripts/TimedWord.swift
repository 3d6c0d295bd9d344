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
