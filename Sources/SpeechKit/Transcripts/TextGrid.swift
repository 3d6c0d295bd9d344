/// A Praat TextGrid: interval and point tiers over one time range, in seconds.
public struct TextGrid: Hashable, Sendable, Codable {
  public var xmin: Double
  public var xmax: Double
  public var tiers: [TextGridTier]

  public init(xmin: Double, xmax: Double, tiers: [TextGridTier]) {
    self.xmin = xmin
    self.xmax = xmax
    self.tiers = tiers
  }

  public func tier(named name: String) -> TextGridTier? {
    tiers.first { $0.name == name }
  }
}
