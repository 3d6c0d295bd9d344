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
}
