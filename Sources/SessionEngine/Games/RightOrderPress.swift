/// What pressing A did in "Le bon ordre".
public enum RightOrderPress: String, Hashable, Sendable {
  /// Nothing: not this player's turn, or every picture is already in place.
  case ignored
  /// The picture went into its place.
  case placed
  /// The place was not the picture's: it came back, to be tried elsewhere.
  case bouncedBack
}
