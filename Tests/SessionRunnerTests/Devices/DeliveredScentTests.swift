import Foundation
import ScentKit
import SessionEngine
import SessionModel
import Testing

@testable import SessionRunner

/// What the trial's events say about its scent matches what the device did, whatever goes wrong:
/// a real engine, the session's scent link and the simulator over a real socket.
@Suite(.timeLimit(.minutes(1))) struct DeliveredScentTests {
  struct FaultCase: Sendable, CustomTestStringConvertible {
    let name: String
    var faults = SimulatorFaults()
    var emptyChannels: Set<Int> = []
    var configuration = DiffuserConfiguration()
    /// The trial events that end the case; the first one logged stops the wait.
    let outcomes: Set<String>
    var testDescription: String { name }
  }

  static var quickTimeouts: DiffuserConfiguration {
    var configuration = DiffuserConfiguration()
    configuration.commandTimeout = .milliseconds(300)
    configuration.heartbeatInterval = .seconds(30)
    return configuration
  }

  static let cases: [FaultCase] = [
    FaultCase(name: "no fault", outcomes: ["scent.released"]),
    FaultCase(
      name: "link dropped before the release",
      faults: SimulatorFaults(dropAfterFrames: 1),
      configuration: {
        var configuration = DiffuserConfiguration()
        configuration.reconnectBackoff = [.seconds(30)]
        return configuration
      }(), outcomes: ["scent.refused", "scent.unconfirmed"]),
    FaultCase(
      name: "device busy (NAK)", faults: SimulatorFaults(negativeAcknowledgementRate: 1), outcomes: ["scent.refused"]),
    FaultCase(name: "empty cartridge", emptyChannels: [3], outcomes: ["scent.refused"]),
    FaultCase(
      name: "firmware stalled", faults: SimulatorFaults(stallAfterFrames: 1), configuration: quickTimeouts,
      outcomes: ["scent.unconfirmed"]),
    FaultCase(
      name: "latency beyond the timeout",
      faults: SimulatorFaults(latency: .milliseconds(450)),
      configuration: {
        // Every answer takes 450 ms, the host waits 300 ms: each command times out, and the link
        // is kept long enough for the late acknowledgement to arrive.
        var configuration = quickTimeouts
        configuration.timeoutsBeforeReconnect = 5
        return configuration
      }(), outcomes: ["scent.releasedLate"]),
  ]

  static let rose = Scent(
    id: "rose", slot: CartridgeSlot(rawValue: 3)!, name: LocalizedText(fr: "Rose", en: "Rose"), family: .flower)

  @Test(arguments: cases)
  func theTrialSaysWhetherTheScentWasDelivered(_ faultCase: FaultCase) async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    var device = SimulatedDevice.Configuration()
    device.emptyChannels = faultCase.emptyChannels
    let diffuser = try await FaultyDiffuser(in: fixture.folder, configuration: device, faults: faultCase.faults)
    var setup = SessionSetup(
      session: Session(
        id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: .clinical,
        trials: [
          Trial(id: "T1", number: 1, stimulus: "jardin", condition: .imageScent, scent: "rose"),
          Trial(id: "T2", number: 2, stimulus: "jardin", condition: .image),
        ]),
      stimuli: [
        Stimulus(id: "jardin", image: "stimuli/jardin.svg", theme: "jardin", era: "1950s", pairedScent: "rose")
      ],
      scents: [Self.rose], participants: [RecoveryFixture.first], scentReleaseMilliseconds: 1_000)
    setup.scentSafety.leadTimeMilliseconds = 100
    setup.scentSafety.purgeMilliseconds = 0
    let inbox = LockedBuffer<SessionInput>()
    let journal = EventJournal(log: fixture.database.eventLog)
    let (link, _) = await ScentLink.open(
      diffuser.choice, session: "S01", limits: setup.scentSafety, configuration: faultCase.configuration,
      scents: [Self.rose], workDirectory: fixture.folder, inbox: inbox, journal: journal)
    if faultCase.faults.dropAfterFrames != nil {
      // The host must have seen the link go before the trial asks for its scent.
      for _ in 0..<200 where !diffuser.activity.contains(.hostDisconnected) {
        try await Task.sleep(for: .milliseconds(10))
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    var session = ScentSession(engine: SessionEngine(setup: setup), link: link, inbox: inbox)
    session.join()
    for _ in 0..<500 where !session.trialEvents.contains(where: { faultCase.outcomes.contains($0.type) }) {
      try await Task.sleep(for: .milliseconds(20))
      session.pump()
    }
    _ = await link.close()
    session.pump()
    _ = try await journal.finish()
    await diffuser.stop()

    let scentEvents = session.trialEvents.filter { $0.type.hasPrefix("scent.") }
    let outcome = scentEvents.last { faultCase.outcomes.contains($0.type) }
    #expect(outcome != nil, "expected one of \(faultCase.outcomes), got \(scentEvents.map(\.type))")
    #expect(scentEvents.allSatisfy { $0.payload["trial"] == "T1" }, "\(scentEvents)")
    let saysDelivered = scentEvents.contains { ["scent.released", "scent.releasedLate"].contains($0.type) }
    #expect(saysDelivered == diffuser.released, "device story \(diffuser.story), trial events \(scentEvents)")
    if outcome?.type == "scent.releasedLate" {
      #expect(scentEvents.map(\.type).contains("scent.unconfirmed"), "the late one follows the engine giving up")
    }
    if let delivered = scentEvents.last(where: { ["scent.released", "scent.releasedLate"].contains($0.type) }) {
      for key in ["scent", "startedAtNanoseconds", "endsAtNanoseconds", "acknowledgedAtNanoseconds"] {
        #expect(delivered.payload[key] != nil, "\(key) in \(delivered.type)")
      }
    }
  }
}

/// A session reduced to its scent: the engine, its commands carried out on the link, the link's
/// answers fed back, every logged event kept.
struct ScentSession {
  var engine: SessionEngine
  let link: ScentLink
  let inbox: LockedBuffer<SessionInput>
  private(set) var events: [(type: String, payload: [String: String])] = []
  /// Added to the monotonic clock, so that the join's presses are apart without waiting for real.
  private var skew: UInt64 = 0

  init(engine: SessionEngine, link: ScentLink, inbox: LockedBuffer<SessionInput>) {
    self.engine = engine
    self.link = link
    self.inbox = inbox
  }

  var trialEvents: [(type: String, payload: [String: String])] { events.filter { $0.payload["trial"] != nil } }

  /// Player 1 takes a seat, confirms the avatar, and the therapist starts the first trial.
  mutating func join() {
    let pad = PadID(rawValue: 1)
    for input in [
      SessionInput.pad(.pressed(pad, .a)), .pad(.released(pad, .a)), .pad(.pressed(pad, .a)),
      .pad(.released(pad, .a)), .operator(.next),
    ] {
      skew += 300_000_000
      handle(input)
    }
  }

  /// The link's answers, then time passing.
  mutating func pump() {
    for input in inbox.takeAll() { handle(input) }
    handle(.tick)
  }

  private mutating func handle(_ input: SessionInput) {
    for command in engine.handle(input, at: MonotonicClock.nanoseconds() + skew) {
      switch command {
      case .releaseScent(let scent, _, let intensity, let duration):
        link.release(scent, intensity: intensity, durationMilliseconds: duration)
      case .stopAllScents: link.stopAll()
      case .purgeAir(let duration): link.purge(milliseconds: duration)
      case .log(let event): events.append((event.type.rawValue, event.payload))
      default: break
      }
    }
  }
}
