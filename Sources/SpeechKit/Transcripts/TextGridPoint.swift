/// A labelled point of a point tier (`TextTier`).
public struct TextGridPoint: Hashable, Sendable, Codable {
  public var time: Double
  public var mark: String

  public init(time: Double, mark: String) {
    self.time = time
    self.mark = mark
  }
}
