import Testing

@testable import SessionRunner

/// `session.degraded`'s `allowedBy` names what let the session start with its problem, and never
/// a flag nobody gave.
@Suite struct DegradedStartPermissionTests {
  @Test(arguments: [
    (true, false, false, true, false, DegradedStartPermission.demo),
    (false, false, true, true, false, .homeCheck),
    (false, false, false, false, false, .animation),
    (false, false, false, true, true, .allowDegraded),
    // The diffuser answered the start check, then not the session's connection: nobody allowed
    // that, with the flag or without.
    (false, true, false, true, false, .afterCheck),
    (false, true, false, true, true, .afterCheck),
  ])
  func whatAllowedADegradedStart(
    demonstration: Bool, afterTheChecks: Bool, home: Bool, binding: Bool, flag: Bool,
    expected: DegradedStartPermission
  ) {
    let permission = DegradedStartPermission(
      isDemonstration: demonstration, foundAfterTheChecks: afterTheChecks, acceptedOnTheHomeScreen: home,
      checksAreBinding: binding, allowsDegradedStart: flag)
    #expect(permission == expected)
  }
}
