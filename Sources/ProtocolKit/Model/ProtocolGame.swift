import SessionModel

/// A game the protocol allows in game conditions, at a fixed difficulty.
public struct ProtocolGame: Hashable, Sendable, Codable {
  public var kind: GameKind
  public var difficulty: Difficulty

  public init(kind: GameKind, difficulty: Difficulty = .easy) {
    self.kind = kind
    self.difficulty = difficulty
  }
}
