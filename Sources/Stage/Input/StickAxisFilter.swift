/// Turns one stick axis into direction presses: a dead zone, then hysteresis, so a trembling hand
/// near the threshold does not make a stream of presses.
struct StickAxisFilter: Sendable {
  enum Side: Sendable {
    case negative
    case centre
    case positive
  }

  /// Past half-way the stick counts as pushed…
  static let pressThreshold = 16_384
  /// …and only back under a quarter does it count as released.
  static let releaseThreshold = 8_192

  private(set) var side = Side.centre

  /// The new side when it changed, else nil.
  mutating func update(_ value: Int) -> (released: Side?, pressed: Side?) {
    let next: Side
    switch side {
    case .centre:
      next = value >= Self.pressThreshold ? .positive : value <= -Self.pressThreshold ? .negative : .centre
    case .positive:
      next = value <= -Self.pressThreshold ? .negative : value < Self.releaseThreshold ? .centre : .positive
    case .negative:
      next = value >= Self.pressThreshold ? .positive : value > -Self.releaseThreshold ? .centre : .negative
    }
    guard next != side else { return (nil, nil) }
    defer { side = next }
    return (side == .centre ? nil : side, next == .centre ? nil : next)
  }
}
