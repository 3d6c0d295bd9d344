import SessionModel

/// Answers each player gives alone and the group sees together: where each points, who has locked, whether they are shown.
///
/// Both "Quelle odeur ?" and "Autrefois et aujourd'hui" follow this rule, so that nobody
/// copies a neighbour and nobody is singled out before everyone has answered.
public struct HiddenAnswers<Choice: Hashable & Sendable>: Hashable, Sendable {
  public private(set) var cursors: [PlayerNumber: Choice] = [:]
  public private(set) var locked: Set<PlayerNumber> = []
  public private(set) var isRevealed = false

  public init() {}

  /// Moves the player's cursor unless their answer is locked or shown; returns whether it changed.
  mutating func point(_ player: PlayerNumber, at choice: Choice) -> Bool {
    guard !isRevealed, !locked.contains(player), cursors[player] != choice else { return false }
    cursors[player] = choice
    return true
  }

  /// Gives a player a starting cursor if they have none yet.
  mutating func offer(_ choice: Choice, to player: PlayerNumber) {
    if cursors[player] == nil { cursors[player] = choice }
  }

  /// Keeps the choice under the player's cursor; a player without a cursor cannot lock.
  mutating func lock(_ player: PlayerNumber) -> Bool {
    guard !isRevealed, cursors[player] != nil, !locked.contains(player) else { return false }
    locked.insert(player)
    return true
  }

  mutating func unlock(_ player: PlayerNumber) -> Bool {
    guard !isRevealed else { return false }
    return locked.remove(player) != nil
  }

  /// True once every one of `players` has locked, and there is at least one.
  public func everyoneLocked(among players: Set<PlayerNumber>) -> Bool {
    !players.isEmpty && players.isSubset(of: locked)
  }

  /// Shows the answers; returns false if they already were.
  mutating func reveal() -> Bool {
    guard !isRevealed else { return false }
    isRevealed = true
    return true
  }

  /// The player's answer once locked, `nil` before.
  public func answer(of player: PlayerNumber) -> Choice? {
    locked.contains(player) ? cursors[player] : nil
  }
}
