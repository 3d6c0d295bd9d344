import SessionModel

/// Why a speaker's turn ended (`turn.ended`).
enum TurnEndReason: LoggedReason {
  /// The therapist gave the floor to someone else.
  case floorGiven
  /// Space.
  case next
  /// S.
  case skipped
  /// The answer reached the protocol's maximum duration.
  case maximumDuration
  /// The trial ended with the speaker still speaking.
  case trialEnded(TrialEndReason)
  /// The session ended with the speaker still speaking.
  case sessionEnded(SessionEndReason)

  var logged: String {
    switch self {
    case .floorGiven: "floorGiven"
    case .next: "next"
    case .skipped: "skipped"
    case .maximumDuration: "maximumDuration"
    case .trialEnded(let reason): reason.logged
    case .sessionEnded(let reason): reason.logged
    }
  }
}

extension TurnEndReason {
  /// The one word `turn.ended` stores.
  var stored: TurnEnding {
    switch self {
    case .floorGiven: .floorGiven
    case .next: .next
    case .skipped, .trialEnded(.skipped): .skipped
    case .maximumDuration: .maximumDuration
    case .trialEnded(.completed), .sessionEnded(.completed): .completed
    case .sessionEnded(.operator): .operator
    case .sessionEnded(.signal): .signal
    }
  }
}
