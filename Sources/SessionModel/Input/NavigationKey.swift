/// The arrow keys: the session ignores them; the therapist's screens before and after it move
/// through their rows with them.
public enum NavigationKey: Hashable, Sendable, CaseIterable {
  case up, down, left, right
}
