import SessionModel

/// Something a player or the therapist did, stamped with the monotonic clock in nanoseconds.
public enum StageEvent: Hashable, Sendable {
  case pad(PadInput, at: UInt64)
  case `operator`(OperatorAction, at: UInt64)
  /// An arrow key, for moving through the rows of the therapist's screens (``SceneContent/console(_:)``).
  case navigate(NavigationKey, at: UInt64)
  /// A click on a row of the console screen on show.
  case pointed(row: Int, at: UInt64)
  /// The window was closed.
  case quitRequested(at: UInt64)
  /// The system asked the program to stop: SIGINT or SIGTERM, by number.
  case stopRequested(signal: Int32, at: UInt64)

  public var timestamp: UInt64 {
    switch self {
    case .pad(_, let time), .operator(_, let time), .navigate(_, let time), .pointed(_, let time),
      .quitRequested(let time), .stopRequested(_, let time):
      time
    }
  }
}
