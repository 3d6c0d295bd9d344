import SessionModel

/// One thing the autopilot does: a virtual player taps a button, or the virtual therapist presses a key.
public enum AutopilotAction: Hashable, Sendable {
  /// Players are counted from 1, in the order their virtual pads were plugged in.
  case tap(player: Int, PadButton)
  case key(OperatorAction)
}
