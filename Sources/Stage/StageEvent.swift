import SessionModel

/// Something a player or the therapist did, stamped with the monotonic clock in nanoseconds.
public enum StageEvent: Hashable, Sendable {
  case pad(PadInput, at: UInt64)
  case `operator`(OperatorAction, at: UInt64)
  /// The window was closed or the system asked the program to stop.
  case quitRequested(at: UInt64)

  public var timestamp: UInt64 {
    switch self {
    case .pad(_, let time), .operator(_, let time), .quitRequested(let time): time
    }
  }
}
