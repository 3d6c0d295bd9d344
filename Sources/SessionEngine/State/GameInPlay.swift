import SessionModel

/// The game of the current trial, whichever it is.
enum GameInPlay: Hashable, Sendable {
  case whichScent(WhichScentGame)
  case memoryPairs(MemoryPairsGame)
  case thenAndNow(ThenAndNowGame)

  var kind: GameKind {
    switch self {
    case .whichScent: .whichScent
    case .memoryPairs: .memoryPairs
    case .thenAndNow: .thenAndNow
    }
  }

  var content: SceneContent {
    switch self {
    case .whichScent(let game): .whichScent(game.view)
    case .memoryPairs(let game): .memoryPairs(game.view)
    case .thenAndNow(let game): .thenAndNow(game.view)
    }
  }

  func hasLocked(_ player: PlayerNumber) -> Bool {
    switch self {
    case .whichScent(let game): game.locked.contains(player)
    case .thenAndNow(let game): game.locked.contains(player)
    case .memoryPairs: false
    }
  }

  /// Moves the player's cursor in whichever game this is; returns whether it moved.
  mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    switch self {
    case .whichScent(var rules):
      defer { self = .whichScent(rules) }
      return rules.move(player, direction)
    case .memoryPairs(var rules):
      defer { self = .memoryPairs(rules) }
      return rules.move(player, direction)
    case .thenAndNow(var rules):
      defer { self = .thenAndNow(rules) }
      return rules.move(player, direction)
    }
  }
}
