import Foundation
import ScentKit
import SessionModel
import Testing

/// The client against the simulator, over every transport this machine can run both ends of:
/// the one contract suite of ``DiffuserTransport``.
@Suite(.timeLimit(.minutes(1)))
struct DiffuserTests {
  static let apple = Scent(
    id: "pomme", slot: CartridgeSlot(rawValue: 1)!, name: .init(fr: "Pomme", en: "Apple"), family: .fruit)
  static let grass = Scent(
    id: "herbe-coupee", slot: CartridgeSlot(rawValue: 9)!, name: .init(fr: "Herbe coupée", en: "Cut grass"),
    family: .nature)

  @Test(arguments: TestTransport.allCases)
  func releaseIsAcknowledgedWithDeviceTimes(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(over: transport)
    let (diffuser, events) = harness.diffuser()
    let info = try await diffuser.connect()
    #expect(info.channelCount == 30)
    #expect(info.scentsByChannel[8] == "herbe-coupee")
    // Long enough that the status asked right after still finds it playing on a machine busy with
    // the rest of the suite.
    let receipt = try await diffuser.release(Self.grass, intensity: 60, duration: .milliseconds(3_000))
    #expect(receipt.channel == Self.grass.slot)
    #expect(receipt.appliedMilliseconds == 3_000)
    #expect(
      receipt.writtenNanoseconds <= receipt.startNanoseconds
        && receipt.startNanoseconds <= receipt.acknowledgedNanoseconds)
    #expect(receipt.endNanoseconds == receipt.startNanoseconds + 3_000_000_000)
    #expect(try await diffuser.status().activeChannels == [9])
    let ended = await events.first { $0.type == "scent.release.ended" }
    #expect(ended?.payload == ["channel": "9", "reason": "completed"])
    let types = events.values.map(\.type.rawValue)
    #expect(types.contains("scent.release.sent") && types.contains("scent.release.acknowledged"))
    #expect(types.firstIndex(of: "scent.release.sent")! < types.firstIndex(of: "scent.release.acknowledged")!)
    await diffuser.shutdown()
    let stopAll = await harness.activity.first { activity in
      if case .received(.stop(channel: 0), _) = activity { return true }
      return false
    }
    #expect(stopAll != nil, "shutdown stops every channel")
    await harness.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func linkDroppedDuringAReleaseComesBack(over transport: TestTransport) async throws {
    // hello, release, then the simulator drops the link while channel 1 is open.
    let harness = try await SimulatorHarness.start(over: transport, faults: SimulatorFaults(dropAfterFrames: 2))
    let (diffuser, events) = harness.diffuser()
    try await diffuser.connect()
    // Long enough to outlast a slow reconnection on a loaded machine; shutdown stops it.
    _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(8_000))
    #expect(await events.first { $0.type == "scent.link.lost" } != nil)
    #expect(await events.first { $0.type == "scent.link.reconnecting" } != nil)
    let reconnected = await events.first { event in event.type == "scent.link.connected" }
    #expect(reconnected != nil)
    // Wait for the second connection, then the device still runs the release.
    var connections = 0
    for _ in 0..<300 where connections < 2 {
      connections = events.values.filter { $0.type == "scent.link.connected" }.count
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(connections == 2)
    #expect(try await diffuser.status().activeChannels == [1])
    await diffuser.shutdown()
    await harness.stop()
  }

  /// A diffuser switched on after the session started: the first connection fails, and the link
  /// is then sought as a lost one is, so the session's next release reaches it.
  @Test func aDiffuserUnreachableAtFirstIsUsedOnceItAnswers() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scentkit-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("diffuser.sock").path
    let events = Recorder<SessionEvent>()
    let diffuser = Diffuser(
      endpoint: .unix(path: path), session: "test-session", limits: SimulatorHarness.permissiveLimits,
      eventSink: { events.append($0) })
    await #expect(throws: DiffuserError.self) { try await diffuser.connect() }
    #expect(events.values.first?.type.rawValue == "scent.link.failed")

    let simulator = DiffuserSimulator()
    try await simulator.start(listening: .unix(path: path))
    #expect(await events.first { $0.type == "scent.link.connected" } != nil, "found once it answers")
    let receipt = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(200))
    #expect(receipt.channel == Self.apple.slot)
    await diffuser.shutdown()
    await simulator.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func negativeAcknowledgementIsSurfacedAsAnError(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(
      over: transport, faults: SimulatorFaults(negativeAcknowledgementRate: 1))
    let (diffuser, events) = harness.diffuser()
    try await diffuser.connect()
    await #expect(throws: DiffuserError.rejected(.busy)) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(200))
    }
    let rejected = await events.first { $0.type == "scent.command.rejected" }
    #expect(rejected?.payload["code"] == "busy")
    #expect(await diffuser.safetyHistory.releaseCount == 0)
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func emptyCartridgeIsAFault(over transport: TestTransport) async throws {
    var configuration = SimulatedDevice.Configuration()
    configuration.emptyChannels = [1]
    let harness = try await SimulatorHarness.start(over: transport, configuration: configuration)
    let (diffuser, events) = harness.diffuser()
    try await diffuser.connect()
    await #expect(throws: DiffuserError.rejected(.cartridgeEmpty)) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(200))
    }
    #expect(await events.first { $0.type == "scent.fault" && $0.payload["fault"] == "cartridge-empty" } != nil)
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func stalledDeviceTimesOut(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(over: transport, faults: SimulatorFaults(stallAfterFrames: 1))
    var configuration = DiffuserConfiguration()
    configuration.commandTimeout = .milliseconds(300)
    configuration.heartbeatInterval = .seconds(30)
    let (diffuser, events) = harness.diffuser(configuration: configuration)
    try await diffuser.connect()
    await #expect(throws: DiffuserError.timeout(.status)) {
      _ = try await diffuser.status()
    }
    #expect(await events.first { $0.type == "scent.timeout" }?.payload["command"] == "status")
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: [
    ("intensity", 150, 500, "intensity-out-of-range"),
    ("duration", 50, 0, "duration-not-positive"),
    ("pulse", 50, 8_000, "pulse-too-long"),
  ])
  func refusedReleaseSendsNothing(_ name: String, intensity: Int, milliseconds: Int, code: String) async throws {
    let harness = try await SimulatorHarness.start()
    let (diffuser, events) = harness.diffuser(limits: .standard)
    try await diffuser.connect()
    await #expect {
      _ = try await diffuser.release(Self.apple, intensity: intensity, duration: .milliseconds(milliseconds))
    } throws: { error in
      if case .refused(let refusal) = error as? DiffuserError { return refusal.code == code }
      return false
    }
    _ = try await diffuser.status()  // the device has seen everything sent before this
    let sent = harness.activity.values.contains { activity in
      if case .received(.release, _) = activity { return true }
      return false
    }
    #expect(!sent, "\(name)")
    let refused = await events.first { $0.type == "scent.release.refused" }
    #expect(refused?.payload["reason"] == code)
    #expect(events.values.allSatisfy { $0.type != "scent.release.sent" })
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func scheduledReleaseIsWrittenAtItsTime(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(over: transport)
    let (diffuser, _) = harness.diffuser()
    try await diffuser.connect()
    let deadline = MonotonicClock.nanoseconds() + 50_000_000
    let receipt = try await diffuser.release(Self.apple, intensity: 20, duration: .milliseconds(100), at: deadline)
    #expect(receipt.scheduledNanoseconds == deadline)
    #expect(receipt.writtenNanoseconds >= deadline)
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: TestTransport.allCases)
  func releaseAheadOfAnImageLeavesByTheLeadTime(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(over: transport)
    var limits = SimulatorHarness.permissiveLimits
    limits.leadTimeMilliseconds = 40
    let (diffuser, _) = harness.diffuser(limits: limits)
    try await diffuser.connect()
    let image = MonotonicClock.nanoseconds() + 100_000_000
    let receipt = try await diffuser.release(
      Self.apple, intensity: 20, duration: .milliseconds(100), aheadOfImageAt: image)
    #expect(receipt.scheduledNanoseconds == image - 40_000_000)
    #expect(receipt.writtenNanoseconds >= image - 40_000_000)
    await diffuser.shutdown()
    await harness.stop()
  }
}
