import SessionModel

/// Why a recording stopped (`recording.stopped`).
enum RecordingStopReason: LoggedReason {
  case turnEnded(TurnEndReason)
  /// R: the answer starts again as a new take.
  case redo
  /// A new recording started while one was running.
  case replaced
  /// The recorder reported a failure.
  case failed
  /// The therapist paused; the answer resumes as a new turn.
  case pause

  var logged: String {
    switch self {
    case .turnEnded(let reason): reason.logged
    case .redo: "redo"
    case .replaced: "replaced"
    case .failed: "failed"
    case .pause: "pause"
    }
  }
}

extension RecordingStopReason {
  /// The one word `recording.stopped` stores.
  var stored: RecordingStopping {
    switch self {
    case .turnEnded(let reason):
      switch reason.stored {
      case .floorGiven: .floorGiven
      case .next: .next
      case .skipped: .skipped
      case .maximumDuration: .maximumDuration
      case .completed: .completed
      case .operator: .operator
      case .signal: .signal
      }
    case .redo: .redo
    case .replaced: .replaced
    case .failed: .failed
    case .pause: .pause
    }
  }
}
