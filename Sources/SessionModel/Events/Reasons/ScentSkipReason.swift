/// Why a trial's scent was not released, or its wait cut short (`scent.skipped`).
public enum ScentSkipReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// The trial names a scent the setup does not have.
  case unknownScent
  /// The session's release budget is spent.
  case sessionLimit
  /// The safety interval or the budget refused the release when it was due.
  case safetyLimit
  /// The therapist pressed S during the scent's lead.
  case `operator`
  /// The pause cut the release short.
  case pause
}
