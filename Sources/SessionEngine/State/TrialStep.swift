import SessionModel

/// Where a trial is: waiting for its scent, showing its image, playing, or listening.
enum TrialStep: Hashable, Sendable {
  case scentLead(ScentLead)
  case stimulus
  case game(GameInPlay)
  case evocation(Evocation)

  var name: String {
    switch self {
    case .scentLead: "scent-lead"
    case .stimulus: "stimulus"
    case .game: "game"
    case .evocation: "evocation"
    }
  }
}

/// The wait between a scent's release and its image, so that the scent reaches the table first.
struct ScentLead: Hashable, Sendable {
  let scent: ScentID
  /// When the release may be sent: now, or later if the previous scent is still too close.
  let releaseAt: UInt64
  var requestedAt: UInt64?
  var isAcknowledged = false
}
