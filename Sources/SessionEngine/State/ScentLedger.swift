import SessionModel

/// Every release of the session so far, to keep releases apart and within the session's budget.
struct ScentLedger: Hashable, Sendable {
  var active: ScentID?
  var activeEndsAt: UInt64 = 0
  /// The end of the latest release, as planned or as the diffuser confirmed, whichever is later.
  var lastEnd: UInt64?
  var releases = 0
  var totalMilliseconds = 0

  func earliestNextRelease(interval milliseconds: Int) -> UInt64 {
    lastEnd.map { $0 + UInt64(milliseconds) * 1_000_000 } ?? 0
  }

  func hasBudget(for milliseconds: Int, within limits: ScentSafetyLimits) -> Bool {
    releases < limits.maximumReleasesPerSession
      && totalMilliseconds + milliseconds <= limits.maximumTotalReleaseMillisecondsPerSession
  }
}
