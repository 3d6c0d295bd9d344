import SessionModel

/// Every release of the session so far, to keep releases apart and within the session's budget.
struct ScentLedger: Hashable, Sendable {
  var active: ScentID?
  var activeEndsAt: UInt64 = 0
  /// The end of the latest release, as planned or as the diffuser confirmed, whichever is later.
  var lastEnd: UInt64?
  var releases = 0
  var totalMilliseconds = 0
  /// Releases requested and not yet answered, oldest first: their answer is logged on the trial
  /// that asked, whatever trial is on screen when it comes.
  var awaited: [AwaitedRelease] = []

  /// A ledger that already counts the releases of an interrupted run of the same session.
  init(past: [PastScentRelease] = []) {
    releases = past.count
    totalMilliseconds = past.reduce(0) { $0 + max(0, $1.durationMilliseconds) }
    lastEnd = past.map(\.endNanoseconds).max()
  }

  func earliestNextRelease(interval milliseconds: Int) -> UInt64 {
    lastEnd.map { $0 + UInt64(milliseconds) * 1_000_000 } ?? 0
  }

  func hasBudget(for milliseconds: Int, within limits: ScentSafetyLimits) -> Bool {
    releases < limits.maximumReleasesPerSession
      && totalMilliseconds + milliseconds <= limits.maximumTotalReleaseMillisecondsPerSession
  }

  mutating func awaitAnswer(to release: AwaitedRelease) {
    // Answers that never come must not pile up: a few given-up releases are plenty to match late ones.
    let givenUp = awaited.indices.filter { awaited[$0].isGivenUp }
    if givenUp.count >= 4 { awaited.remove(at: givenUp[0]) }
    awaited.append(release)
  }

  /// Takes out the oldest release of `scent` still waiting for its answer.
  mutating func answer(for scent: ScentID) -> AwaitedRelease? {
    awaited.firstIndex { $0.scent == scent }.map { awaited.remove(at: $0) }
  }

  /// Marks the oldest release of `scent` as given up; returns it, still awaited for a late answer.
  mutating func giveUp(on scent: ScentID) -> AwaitedRelease? {
    guard let index = awaited.firstIndex(where: { $0.scent == scent && !$0.isGivenUp }) else { return nil }
    awaited[index].isGivenUp = true
    return awaited[index]
  }
}

/// A release sent to the diffuser, and the trial that asked for it.
struct AwaitedRelease: Hashable, Sendable {
  let scent: ScentID
  /// The asking trial's identity, as ``SessionEngine/trialPayload(_:)`` gives it.
  let trialTags: [String: String]
  /// True once the engine has logged that it could not confirm the release.
  var isGivenUp = false
}
