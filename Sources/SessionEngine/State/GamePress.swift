import SessionModel

/// What pressing A did in the game in play, for the engine to log and sound.
enum GamePress: Hashable, Sendable {
  /// Nothing changed: not this player's turn, an answer already locked, or the answers shown.
  case ignored
  /// The player locked an answer; the details say which, for the log.
  case answered([String: String])
  /// A memory card was pressed: which one, what it did, and the game after the press.
  case turned(card: Int, MemoryPress, MemoryPairsGame)
  /// A picture of "Le bon ordre" was tried in a place: which, where, what it did, and the game after the press.
  case placed(PictureChoice, in: Int, RightOrderPress, RightOrderGame)
}
