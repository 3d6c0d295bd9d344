/// What let a session start with a problem, as `session.degraded`'s `allowedBy` records it.
enum DegradedStartPermission: String, CaseIterable {
  /// A demonstration, which plays whatever it has.
  case demo
  /// The therapist accepted it on the home screen's device checks.
  case homeCheck = "home-check"
  /// An animation session: its checks never stop a start.
  case animation
  /// The therapist started the clinical session with `--allow-degraded`.
  case allowDegraded = "--allow-degraded"
  /// Nothing: the diffuser answered the start check and not the session's own connection a moment
  /// later, after the start had been decided, whatever flag was given. The session keeps trying to
  /// reach it.
  case afterCheck = "after-check"

  /// A clinical session only starts with a problem someone accepted, except one found after the
  /// checks, which nobody allowed.
  init(
    isDemonstration: Bool, foundAfterTheChecks: Bool, acceptedOnTheHomeScreen: Bool, checksAreBinding: Bool,
    allowsDegradedStart: Bool
  ) {
    self =
      if isDemonstration {
        .demo
      } else if !checksAreBinding {
        .animation
      } else if foundAfterTheChecks {
        .afterCheck
      } else if acceptedOnTheHomeScreen {
        .homeCheck
      } else {
        .allowDegraded
      }
  }
}
