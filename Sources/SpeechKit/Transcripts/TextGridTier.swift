/// One TextGrid tier: labelled intervals (`IntervalTier`) or labelled points (`TextTier`).
public struct TextGridTier: Hashable, Sendable, Codable {
  public enum Content: Hashable, Sendable, Codable {
    case intervals([TextGridInterval])
    case points([TextGridPoint])
  }

  public var name: String
  public var xmin: Double
  public var xmax: Double
  public var content: Content

  public init(name: String, xmin: Double, xmax: Double, content: Content) {
    self.name = name
    self.xmin = xmin
    self.xmax = xmax
    self.content = content
  }

  public var intervals: [TextGridInterval] {
    if case .intervals(let intervals) = content { intervals } else { [] }
  }

  public var points: [TextGridPoint] {
    if case .points(let points) = content { points } else { [] }
  }
}
