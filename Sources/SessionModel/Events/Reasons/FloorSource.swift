/// Who gave a player the floor (`floor.given`, key `by`).
public enum FloorSource: String, Hashable, Sendable, CaseIterable, EventField {
  /// The therapist pressed the player's digit.
  case therapist
  /// The player asked with A and Space granted it in turn.
  case request
}
