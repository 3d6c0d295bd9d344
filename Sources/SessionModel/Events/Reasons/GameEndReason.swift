/// Why a game ended (`game.ended`).
public enum GameEndReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// Space after the last reveal.
  case next
  /// S during the game.
  case skipped
}
