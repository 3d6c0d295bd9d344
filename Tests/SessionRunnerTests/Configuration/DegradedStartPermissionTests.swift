import Testing

@testable import SessionRunner

/// `session.degraded`'s `allowedBy` names what let the session start with its problem, and never
/// a flag nobody gave.
@Suite struct DegradedStartPermissionTests {
  @Test(arguments: [
    (true, false, true, false, DegradedStartPermission.demo),
    (false, true, true, false, .homeCheck),
    (false, false, false, false, .animation),
    (false, false, true, true, .allowDegraded),
    // The diffuser answered the start check, then not the session's connection: no flag was given.
    (false, false, true, false, .afterCheck),
  ])
  func whatAllowedADegradedStart(
    demonstration: Bool, home: Bool, binding: Bool, flag: Bool, expected: DegradedStartPermission
  ) {
    let permission = DegradedStartPermission(
      isDemonstration: demonstration, acceptedOnTheHomeScreen: home, checksAreBinding: binding,
      allowsDegradedStart: flag)
    #expect(permission == expected)
  }
}
