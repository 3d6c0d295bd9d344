/// How condition orders are balanced and which sequences are refused.
public struct CounterbalancingSettings: Hashable, Sendable, Codable {
  public var unit: CounterbalancingUnit
  /// At most this many trials of one condition follow each other in a session.
  public var maximumSameConditionInARow: Int
  /// Two scent releases in a row never use the same scent nor the same scent family, so that
  /// the second is not masked by adaptation to the first.
  public var noScentTwiceInARow: Bool

  public init(unit: CounterbalancingUnit = .group, maximumSameConditionInARow: Int = 1, noScentTwiceInARow: Bool = true)
  {
    self.unit = unit
    self.maximumSameConditionInARow = maximumSameConditionInARow
    self.noScentTwiceInARow = noScentTwiceInARow
  }
}
