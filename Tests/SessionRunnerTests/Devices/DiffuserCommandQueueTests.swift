import Foundation
import ScentKit
import SessionEngine
import SessionModel
import Testing

@testable import SessionRunner

/// Commands reach the diffuser in the order the session issued them, every failure is logged, and
/// closing the link waits for the commands still queued.
@Suite(.timeLimit(.minutes(1))) struct DiffuserCommandQueueTests {
  static let apple = Scent(
    id: "pomme", slot: CartridgeSlot(rawValue: 1)!, name: LocalizedText(fr: "Pomme", en: "Apple"), family: .fruit)
  static let limits = ScentSafetyLimits(
    maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 10_000, purgeMilliseconds: 0,
    maximumChannelDutyCycle: 0.5, dutyCycleWindowMilliseconds: 60_000, maximumReleasesPerSession: 30,
    maximumTotalReleaseMillisecondsPerSession: 300_000, leadTimeMilliseconds: 0)

  struct Link {
    let fixture: RecoveryFixture
    let device: FaultyDiffuser
    let link: ScentLink
    let inbox: LockedBuffer<SessionInput>
    let journal: EventJournal

    /// The client's timeouts, generous by default: a slow release must be answered, not timed out,
    /// however busy the machine running the suite is.
    static let patient: DiffuserConfiguration = {
      var configuration = DiffuserConfiguration()
      configuration.commandTimeout = .seconds(20)
      return configuration
    }()

    static func open(
      faults: SimulatorFaults, configuration: DiffuserConfiguration = patient
    ) async throws -> Link {
      let fixture = try RecoveryFixture()
      let device = try await FaultyDiffuser(in: fixture.folder, faults: faults)
      let inbox = LockedBuffer<SessionInput>()
      let journal = EventJournal(log: fixture.database.eventLog)
      let (link, problem) = await ScentLink.open(
        device.choice, session: "S01", limits: DiffuserCommandQueueTests.limits, configuration: configuration,
        scents: [DiffuserCommandQueueTests.apple], workDirectory: fixture.folder, inbox: inbox, journal: journal)
      #expect(problem == nil)
      return Link(fixture: fixture, device: device, link: link, inbox: inbox, journal: journal)
    }

    /// Closes the link, writes the journal, and returns the session's scent events.
    func close() async throws -> [SessionEvent] {
      _ = await link.close()
      _ = try await journal.finish()
      await device.stop()
      defer { fixture.remove() }
      return try fixture.database.eventLog.events(in: "S01").map(\.event)
    }
  }

  @Test func aStopIssuedAfterASlowReleaseReachesTheDeviceAfterTheReleaseIsUnderWay() async throws {
    // The device takes 300 ms to open the valve and keeps reading meanwhile: a stop written
    // before the release's acknowledgement would run first and leave the scent flowing.
    let link = try await Link.open(faults: SimulatorFaults(releaseDelay: .milliseconds(300)))
    link.link.release("pomme", intensity: 50, durationMilliseconds: 4_000)
    link.link.stopAll()
    let events = try await link.close()

    #expect(Array(link.device.story.prefix(4)) == ["release", "ack release", "stop", "ack stop"])
    let types = events.map(\.type.rawValue)
    #expect(types.filter { $0 == "scent.stop.acknowledged" }.count == 2, "the session's stop, then the shutdown's")
    #expect(!types.contains("scent.command.failed"))
    let released = link.inbox.takeAll().contains { input in
      if case .scentReleased("pomme", _, _, _) = input { return true }
      return false
    }
    #expect(released)
  }

  @Test func closingCarriesOutEveryQueuedCommandInOrderBeforeTheShutdown() async throws {
    let link = try await Link.open(faults: SimulatorFaults(releaseDelay: .milliseconds(100)))
    link.link.release("pomme", intensity: 50, durationMilliseconds: 2_000)
    link.link.stopAll()
    link.link.purge(milliseconds: 500)
    let events = try await link.close()

    #expect(
      link.device.story == ["release", "ack release", "stop", "ack stop", "purge", "ack purge", "stop", "ack stop"])
    let types = events.map(\.type.rawValue)
    let closed = try #require(types.firstIndex(of: "scent.link.closed"))
    #expect(types.firstIndex(of: "scent.purge.acknowledged").map { $0 < closed } == true)
  }

  @Test func aStopTheDeviceNeverAnswersIsLoggedAsFailed() async throws {
    // The firmware hangs after greeting the host: the stop times out.
    var configuration = DiffuserConfiguration()
    configuration.commandTimeout = .milliseconds(200)
    configuration.heartbeatInterval = .seconds(30)
    let link = try await Link.open(faults: SimulatorFaults(stallAfterFrames: 1), configuration: configuration)
    link.link.stopAll()
    let events = try await link.close()

    let failures = events.filter { $0.type == "scent.command.failed" }.map(\.payload)
    #expect(failures.first == ["command": "stop", "channel": "all", "error": "timeout"])
  }

  @Test func aReleaseWithoutALinkIsRefusedAndLogged() async throws {
    // The device drops the link after greeting the host, and the host waits long before reconnecting.
    var configuration = DiffuserConfiguration()
    configuration.reconnectBackoff = [.seconds(30)]
    let link = try await Link.open(faults: SimulatorFaults(dropAfterFrames: 1), configuration: configuration)
    for _ in 0..<200 where !link.device.activity.contains(.hostDisconnected) {
      try await Task.sleep(for: .milliseconds(10))
    }
    try await Task.sleep(for: .milliseconds(100))  // the host's reader sees the end of the stream
    link.link.release("pomme", intensity: 50, durationMilliseconds: 1_000)
    let events = try await link.close()

    #expect(!link.device.story.contains("release"))
    let failure = try #require(events.first { $0.type == "scent.command.failed" })
    #expect(failure.payload["command"] == "release" && failure.payload["scent"] == "pomme")
    let answers = link.inbox.takeAll()
    #expect(
      answers.contains { input in
        if case .scentRefused("pomme", _) = input { return true }
        if case .scentUnconfirmed("pomme", _) = input { return true }
        return false
      })
  }
}
