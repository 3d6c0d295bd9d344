import Foundation
import ScentKit
import SessionEngine
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// A resumed session remembers the releases of the runs it continues: read back from their logged
/// diffuser events, placed on the new run's clock, and counted by the diffuser's safety governor.
@Suite(.timeLimit(.minutes(1))) struct PastScentReleasesTests {
  static let first: SessionID = "G01-S01-20270114T090000"
  static let second: SessionID = "G01-S01-20270114T091000"
  static let wall = Date(timeIntervalSince1970: 1_800_000_000)
  static let seconds: UInt64 = 1_000_000_000

  /// Run 1 released channel 1 (acknowledged) and had channel 2 refused by the device; run 2
  /// resumed it, sent channel 3 and was killed before the answer.
  static func logTwoInterruptedRuns(in fixture: RecoveryFixture) throws {
    func log(_ session: SessionID, _ type: EventType, at second: Double, _ payload: [String: String] = [:]) throws {
      try fixture.database.eventLog.append(
        SessionEvent(
          session: session, monotonicNanoseconds: UInt64(second * 1e9), wallClock: wall.addingTimeInterval(second),
          type: type, payload: payload))
    }
    try log(first, "runner.started", at: 90, ["resumes": ""])
    try log(first, "scent.release.sent", at: 100, ["channel": "1", "duration_ms": "4000", "sequence": "3"])
    try log(
      first, "scent.release.acknowledged", at: 100.1,
      ["channel": "1", "duration_ms": "4000", "sequence": "3", "applied_ms": "4000", "start_ns": "100050000000"])
    try log(first, "scent.release.sent", at: 140, ["channel": "2", "duration_ms": "4000", "sequence": "4"])
    try log(first, "scent.command.rejected", at: 140.1, ["channel": "2", "sequence": "4", "code": "busy"])
    try log(first, "session.interrupted", at: 300)
    try log(second, "runner.started", at: 390, ["resumes": first.rawValue])
    try log(second, "scent.release.sent", at: 400, ["channel": "3", "duration_ms": "4000", "sequence": "2"])
    try log(second, "session.interrupted", at: 405)
  }

  @Test func theReleasesOfEveryResumedRunAreReadAndPlacedOnTheNewRunsClock() throws {
    let fixture = try RecoveryFixture(sessions: [])
    defer { fixture.remove() }
    try Self.logTwoInterruptedRuns(in: fixture)

    let releases = try PastScentReleases.read(
      resuming: ResumePoint(interruptedSession: Self.second, trialIndex: 1), from: fixture.database.eventLog,
      now: 410 * Self.seconds, wallClock: Self.wall.addingTimeInterval(410))
    #expect(
      releases == [
        PastScentRelease(
          slot: CartridgeSlot(rawValue: 1)!, startNanoseconds: 100_050_000_000, durationMilliseconds: 4_000),
        PastScentRelease(
          slot: CartridgeSlot(rawValue: 3)!, startNanoseconds: 400 * Self.seconds, durationMilliseconds: 4_000),
      ])
  }

  @Test func afterARebootTheWallClockPlacesThem() throws {
    let fixture = try RecoveryFixture(sessions: [])
    defer { fixture.remove() }
    try Self.logTwoInterruptedRuns(in: fixture)

    // The machine restarted: its monotonic clock is at 60 s, 10 s of wall time after run 2's release.
    let releases = try PastScentReleases.read(
      resuming: ResumePoint(interruptedSession: Self.second, trialIndex: 1), from: fixture.database.eventLog,
      now: 60 * Self.seconds, wallClock: Self.wall.addingTimeInterval(410))
    #expect(releases.map(\.startNanoseconds) == [0, 50 * Self.seconds])
  }

  static let apple = Scent(
    id: "pomme", slot: CartridgeSlot(rawValue: 1)!, name: LocalizedText(fr: "Pomme", en: "Apple"), family: .fruit)

  struct GovernorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let maximumReleases: Int
    /// When the past release started, in seconds before now.
    let secondsAgo: UInt64
    let refusal: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    GovernorCase(name: "the interval", maximumReleases: 30, secondsAgo: 8, refusal: "too-soon"),
    GovernorCase(name: "the session budget", maximumReleases: 1, secondsAgo: 600, refusal: "session-release-count"),
  ])
  func theDiffuserOfAResumedSessionCountsThePastReleasesIn(_ governorCase: GovernorCase) async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let device = try await FaultyDiffuser(in: fixture.folder, faults: SimulatorFaults())
    var limits = ScentSafetyLimits.standard
    limits.maximumReleasesPerSession = governorCase.maximumReleases
    let inbox = LockedBuffer<SessionInput>()
    let journal = EventJournal(log: fixture.database.eventLog)
    let past = PastScentRelease(
      slot: Self.apple.slot, startNanoseconds: MonotonicClock.nanoseconds() - governorCase.secondsAgo * Self.seconds,
      durationMilliseconds: 4_000)
    let (link, problem) = await ScentLink.open(
      device.choice, session: "S01", limits: limits, history: [past], scents: [Self.apple],
      workDirectory: fixture.folder, inbox: inbox, journal: journal)
    #expect(problem == nil)

    link.release("pomme", intensity: 50, durationMilliseconds: 4_000)
    _ = await link.close()
    _ = try await journal.finish()
    await device.stop()

    #expect(!device.story.contains("release"))
    let refused = try fixture.database.eventLog.events(in: "S01").map(\.event).first {
      $0.type == "scent.release.refused"
    }
    #expect(refused?.payload["reason"] == governorCase.refusal)
    #expect(
      inbox.takeAll().contains { input in
        if case .scentRefused("pomme", _) = input { return true }
        return false
      })
  }
}
