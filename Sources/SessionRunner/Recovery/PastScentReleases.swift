import Foundation
import SessionModel
import Store

/// The releases made by the runs a resumed session continues, read back from their logged
/// diffuser events, so that the safety limits (interval, duty cycle, session budget) survive a crash.
///
/// A release counts from the moment it was sent, since the device may have run it even if its
/// answer never came, unless the device refused it; an acknowledged one counts from its start for
/// the duration the device applied. Each is moved onto the current run's monotonic clock by its
/// age: the monotonic one when both logged clocks agree (same boot), else whichever says it is more
/// recent, the safe side after a wall-clock change or a reboot (which restarts the monotonic clock).
enum PastScentReleases {
  /// The releases of `point`'s interrupted run and of the runs it resumed in turn, oldest first;
  /// only those sent at `since` or later when given.
  static func read(
    resuming point: ResumePoint, from log: EventLog, since: Date? = nil, now: UInt64 = MonotonicClock.nanoseconds(),
    wallClock: Date = Date()
  ) throws -> [PastScentRelease] {
    var runs: [(run: SessionID, events: [SessionEvent])] = []
    var next: SessionID? = point.interruptedSession
    while let run = next, !runs.contains(where: { $0.run == run }) {
      let events = try log.events(in: run).map(\.event)
      runs.append((run, events))
      next =
        events.lazy.compactMap { event -> RunStart? in
          guard case .session(.runnerStarted(let run)) = event.kind else { return nil }
          return run
        }.first?.resumedRun
    }
    return runs.reversed().flatMap { logged(in: $0.events) }
      .filter { release in since.map { release.wallClock >= $0 } ?? true }
      .map { $0.placed(now: now, wallClock: wallClock) }
  }

  /// The releases one run's diffuser events describe, in the order they were sent.
  static func logged(in events: [SessionEvent]) -> [LoggedRelease] {
    var bySequence: [Int: Int] = [:]
    var releases: [LoggedRelease?] = []
    for event in events {
      switch event.kind {
      case .scent(.releaseSent(let sent)):
        guard let sequence = sent.sequence else { continue }
        bySequence[sequence] = releases.count
        releases.append(
          LoggedRelease(
            slot: sent.channel, monotonicNanoseconds: event.monotonicNanoseconds, wallClock: event.wallClock,
            durationMilliseconds: sent.durationMilliseconds))
      case .scent(.releaseAcknowledged(let sent, let answer)):
        guard let sequence = sent.sequence, let index = bySequence[sequence], var release = releases[index] else {
          continue
        }
        if let start = answer.startNanoseconds, start <= event.monotonicNanoseconds {
          release.monotonicNanoseconds = start
          release.wallClock = event.wallClock.addingTimeInterval(-Double(event.monotonicNanoseconds - start) / 1e9)
        }
        if let applied = answer.appliedMilliseconds { release.durationMilliseconds = applied }
        releases[index] = release
      case .scent(.commandRejected(_, _, let details)):
        // The device refused it: nothing was released.
        if let sequence = details["sequence"].flatMap(Int.init(eventText:)),
          let index = bySequence.removeValue(forKey: sequence)
        {
          releases[index] = nil
        }
      default:
        continue
      }
    }
    return releases.compactMap { $0 }
  }

  /// A release as an earlier run logged it, on that run's clocks.
  struct LoggedRelease: Hashable {
    var slot: CartridgeSlot
    var monotonicNanoseconds: UInt64
    var wallClock: Date
    var durationMilliseconds: Int

    /// The release on the clock of a run for which it is now `monotonic` and `current`.
    func placed(now monotonic: UInt64, wallClock current: Date) -> PastScentRelease {
      let wallSeconds = max(0, current.timeIntervalSince(wallClock))
      let wallAge = wallSeconds >= Double(UInt64.max) / 1e9 ? UInt64.max : UInt64(wallSeconds * 1e9)
      var age = wallAge
      if monotonicNanoseconds <= monotonic {
        let monotonicAge = monotonic - monotonicNanoseconds
        // The two agree on the same boot: the monotonic one is exact (the stored wall clock is rounded).
        let agree = max(monotonicAge, wallAge) - min(monotonicAge, wallAge) < 2_000_000_000
        age = agree ? monotonicAge : min(monotonicAge, wallAge)
      }
      return PastScentRelease(
        slot: slot, startNanoseconds: monotonic > age ? monotonic - age : 0, durationMilliseconds: durationMilliseconds)
    }
  }
}
