/// Why a trial ended (`trial.ended`).
enum TrialEndReason: String, LoggedReason {
  /// Space after the last turn.
  case completed
  /// S on the image or on an evocation with nobody speaking.
  case skipped
}
