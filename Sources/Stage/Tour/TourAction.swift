import SessionModel

/// What a virtual player does with their pad during the tour; players are counted from 1.
public enum TourAction: Hashable, Sendable {
  /// Press and let go.
  case tap(player: Int, PadButton)
  /// Push the left stick and let it spring back.
  case flick(player: Int, x: Double, y: Double)
  case unplug(player: Int)
  case replug(player: Int)
  /// The therapist presses the key for this action on the keyboard.
  case therapist(OperatorAction)
  /// The therapist presses an arrow key, on the screens before and after a session.
  case arrow(NavigationKey)
}
