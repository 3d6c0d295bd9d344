/// What pressing A did in the memory game.
public enum MemoryPress: String, Hashable, Sendable {
  /// Nothing: not this player's turn, a card already face up, or the game is over.
  case ignored
  /// The first card of a pair was turned over.
  case flipped
  /// The second card matched the first; both stay face up.
  case matched
  /// The second card differed; both turn back after the next press or a calm delay.
  case mismatched
  /// The press turned a mismatched pair back.
  case turnedBack
}
