import SessionModel

/// Reads each trial's cue-scent outcome from one session's events.
///
/// The cue scent is decided between `trial.started` and `stimulus.shown` (the engine shows the
/// image once the scent is acknowledged, refused, skipped or given up on). A late acknowledgement
/// (`scent.releasedLate`) may come after the image, so it counts until the trial ends. Scents of
/// games played later in the trial are not the cue and are ignored.
enum ScentDeliveryLog {
  /// Outcomes by trial for the trials of `session` that plan a scent.
  static func deliveries(of session: Session, events: [SessionEvent]) -> [TrialID: ScentDelivery] {
    var windows: [TrialID: Window] = [:]
    for event in events {
      guard let trial = event.payload["trial"].map({ TrialID($0) }) else { continue }
      let type = event.type.rawValue
      if type == "trial.started" {
        windows[trial] = Window(startedAt: event.monotonicNanoseconds)
        continue
      }
      guard var window = windows[trial] else { continue }
      defer { windows[trial] = window }
      switch type {
      case "stimulus.shown": window.isCueOpen = false
      case "trial.ended": window.isOpen = false
      case "scent.releasedLate" where window.isOpen:
        window.late = window.late ?? acknowledgement(event)
      case _ where !window.isCueOpen:
        break
      case "scent.released": window.released = window.released ?? acknowledgement(event)
      case "scent.requested": window.requested = true
      case "scent.refused": window.ending = window.ending ?? .refused
      case "scent.skipped": window.ending = window.ending ?? .skipped
      case "scent.unconfirmed": window.ending = window.ending ?? .unconfirmed
      default: break
      }
    }
    var deliveries: [TrialID: ScentDelivery] = [:]
    for trial in session.trials where trial.condition.includesScent {
      guard let window = windows[trial.id] else {
        deliveries[trial.id] = ScentDelivery(outcome: .notLogged)
        continue
      }
      func seconds(_ at: UInt64) -> Double? {
        at >= window.startedAt ? Double(at - window.startedAt) / 1e9 : nil
      }
      if let released = window.released {
        deliveries[trial.id] = ScentDelivery(outcome: .released, acknowledgedAfterSeconds: seconds(released))
      } else if let late = window.late {
        deliveries[trial.id] = ScentDelivery(outcome: .releasedLate, acknowledgedAfterSeconds: seconds(late))
      } else if let ending = window.ending {
        deliveries[trial.id] = ScentDelivery(outcome: ending)
      } else {
        deliveries[trial.id] = ScentDelivery(outcome: window.requested ? .requested : .notSent)
      }
    }
    return deliveries
  }

  /// The device's acknowledgement on the monotonic clock: `acknowledgedAtNanoseconds` when the
  /// event has it, else the release's start, else the time the event was logged.
  private static func acknowledgement(_ event: SessionEvent) -> UInt64 {
    event.payload["acknowledgedAtNanoseconds"].flatMap(UInt64.init)
      ?? event.payload["startedAtNanoseconds"].flatMap(UInt64.init) ?? event.monotonicNanoseconds
  }

  private struct Window {
    var startedAt: UInt64
    var isCueOpen = true
    var isOpen = true
    var requested = false
    var released: UInt64?
    var late: UInt64?
    var ending: ScentDelivery.Outcome?
  }
}
