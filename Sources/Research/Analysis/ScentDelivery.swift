import SessionModel

/// What happened to a trial's cue scent, read from the session's event log.
///
/// The plan says which trials carry a scent; the log says whether the diffuser acknowledged it.
/// Analyses use the delivered condition, so a scent trial whose scent never came out counts as
/// the same trial without scent.
public struct ScentDelivery: Hashable, Sendable {
  public enum Outcome: String, Hashable, Sendable, CaseIterable {
    /// The device acknowledged the release while the engine was waiting (`scent.released`).
    case released
    /// The device acknowledged after the engine had given up (`scent.releasedLate`): the scent
    /// came out, later than planned.
    case releasedLate = "released_late"
    /// The device answered no (busy, empty cartridge, fault, link lost: `scent.refused`).
    case refused
    /// The engine did not send it (safety limit, unknown scent, operator, pause: `scent.skipped`).
    case skipped
    /// Sent, never acknowledged in time (`scent.unconfirmed`).
    case unconfirmed
    /// Sent, and the log ends without an outcome (a crash during the scent's lead).
    case requested
    /// The trial started and no scent event followed.
    case notSent = "not_sent"
    /// The log has no record of this trial (imported data, or a log lost): the plan is assumed.
    case notLogged = "not_logged"

    /// Whether the scent reached the room; `nil` when the log cannot say.
    public var isDelivered: Bool? {
      switch self {
      case .released, .releasedLate: true
      case .refused, .skipped, .unconfirmed, .requested, .notSent: false
      case .notLogged: nil
      }
    }
  }

  public var outcome: Outcome
  /// When the device acknowledged the release, in seconds after the trial started (both on the
  /// host's monotonic clock); `nil` when not delivered or not known.
  public var acknowledgedAfterSeconds: Double?

  public init(outcome: Outcome, acknowledgedAfterSeconds: Double? = nil) {
    self.outcome = outcome
    self.acknowledgedAfterSeconds = acknowledgedAfterSeconds
  }

  /// The condition the participant actually met: a scent condition whose scent did not come out
  /// is its condition without scent; a trial the log cannot describe keeps its planned condition.
  public func deliveredCondition(planned: Condition) -> Condition {
    guard planned.includesScent, outcome.isDelivered == false else { return planned }
    return planned.includesGame ? .imageGame : .image
  }
}
