/// Who gave a player the floor (`floor.given`, key `by`).
enum FloorSource: String, LoggedReason {
  /// The therapist pressed the player's digit.
  case therapist
  /// The player asked with A and Space granted it in turn.
  case request
}
