/// Why a game ended (`game.ended`).
enum GameEndReason: String, LoggedReason {
  /// Space after the last reveal.
  case next
  /// S during the game.
  case skipped
}
