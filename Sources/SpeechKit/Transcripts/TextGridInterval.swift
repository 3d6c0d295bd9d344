/// A labelled interval of an interval tier; an empty label is a gap.
public struct TextGridInterval: Hashable, Sendable, Codable {
  public var xmin: Double
  public var xmax: Double
  public var text: String

  public init(xmin: Double, xmax: Double, text: String) {
    self.xmin = xmin
    self.xmax = xmax
    self.text = text
  }
}
