/// A stretch of speech, in seconds from the start of the recording.
public struct SpeechSegment: Equatable, Hashable, Sendable, Codable {
  public var start: Double
  public var end: Double

  public init(start: Double, end: Double) {
    self.start = start
    self.end = end
  }

  public var duration: Double { end - start }

  /// Encoded as `[start, end]`, the shape of the `segments` field in the JSON output.
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    start = try container.decode(Double.self)
    end = try container.decode(Double.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(start)
    try container.encode(end)
  }
}
