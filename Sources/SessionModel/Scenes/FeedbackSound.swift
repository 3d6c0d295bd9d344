/// A soft cue the Stage plays; never a buzzer, never a "wrong" sound.
public enum FeedbackSound: String, CaseIterable, Hashable, Sendable {
  /// A pad took a seat.
  case join
  /// A cursor or an avatar moved, or someone asked for the floor.
  case move
  /// A choice was kept (avatar confirmed, answer locked, card turned).
  case confirm
  /// Answers were shown together, or a pair was found.
  case reveal
  /// Someone was given the floor.
  case floor
  /// The session is over.
  case end
}
