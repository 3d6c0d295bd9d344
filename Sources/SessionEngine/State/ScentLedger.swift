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
    // Answers that never come must not pile up: a few lost releases are plenty to match late ones.
    let lost = awaited.indices.filter { awaited[$0].state == .lost }
    if lost.count >= 4 { awaited.remove(at: lost[0]) }
    awaited.append(release)
  }

  /// Takes out the oldest release of `scent` whose answer may come the ordinary way
  /// (`late: false`), or only late (`late: true`).
  mutating func answer(for scent: ScentID, late: Bool) -> AwaitedRelease? {
    awaited.firstIndex { $0.scent == scent && ($0.state == .lost) == late }.map { awaited.remove(at: $0) }
  }

  /// Moves the oldest release of `scent` still in `from` to `to`; returns it as it was.
  mutating func mark(_ scent: ScentID, from states: Set<AwaitedRelease.State>, to state: AwaitedRelease.State)
    -> AwaitedRelease?
  {
    guard let index = awaited.firstIndex(where: { $0.scent == scent && states.contains($0.state) }) else { return nil }
    defer { awaited[index].state = state }
    return awaited[index]
  }
}

/// A release sent to the diffuser, and the trial that asked for it.
struct AwaitedRelease: Hashable, Sendable {
  enum State: Hashable, Sendable {
    /// No answer yet.
    case waiting
    /// The engine stopped waiting and logged `scent.unconfirmed`; the ordinary answer may still come.
    case givenUp
    /// The diffuser said the answer did not come (timeout, link lost): only a late acknowledgement can.
    case lost
  }

  let scent: ScentID
  /// The asking trial, as ``SessionEngine/trialTag`` gave it.
  let trial: TrialTag?
  var state = State.waiting
}
