/// Why a trial ended (`trial.ended`).
public enum TrialEndReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// Space after the last turn.
  case completed
  /// S on the image or on an evocation with nobody speaking.
  case skipped
}
