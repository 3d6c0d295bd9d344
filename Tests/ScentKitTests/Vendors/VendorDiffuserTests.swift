import Foundation
import ScentKit
import SessionModel
import Testing

/// The diffuser contract of ``DiffuserTests`` (acknowledged releases with receipts and events,
/// refusals, device faults, a dead link rebuilt) over every vendor adapter, each against its
/// simulator: the same ``Diffuser`` client, governor and events as ConnectAge's own device.
@Suite(.timeLimit(.minutes(1)))
struct VendorDiffuserTests {
  static let apple = Scent(
    id: "pomme", slot: CartridgeSlot(rawValue: 3)!, name: .init(fr: "Pomme", en: "Apple"), family: .fruit)

  @Test(arguments: VendorPath.allCases)
  func releaseIsAcknowledgedEndsAndShutdownStops(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path)
    let (diffuser, events) = try harness.diffuser()
    let info = try await diffuser.connect()
    #expect(info.channelCount == 6)
    #expect(info.scentsByChannel[2] == (path.isScentrealm ? "#103" : ""))
    // Long enough that the channel is still open when asked, on a machine the whole suite loads.
    let receipt = try await diffuser.release(Self.apple, intensity: 60, duration: .milliseconds(5_000))
    #expect(receipt.channel == Self.apple.slot && receipt.appliedMilliseconds == 5_000)
    #expect(receipt.writtenNanoseconds <= receipt.startNanoseconds)
    #expect(receipt.startNanoseconds <= receipt.acknowledgedNanoseconds)
    #expect(try await diffuser.status().activeChannels == [3])
    let ended = await events.first { $0.type == "scent.release.ended" }
    #expect(ended?.payload == ["channel": "3", "reason": "completed"])
    await diffuser.shutdown()
    let commands = await harness.commands()
    #expect(commands.contains("play 3 5000"), "\(commands)")
    #expect(commands.last == "stop", "shutdown stops the device: \(commands)")
    await harness.stop()
  }

  @Test(arguments: VendorPath.allCases)
  func busyDeviceIsARefusalNotARelease(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path, faults: VendorFaults(busy: true, httpErrors: [1: 503]))
    let (diffuser, events) = try harness.diffuser()
    try await diffuser.connect()
    await #expect(throws: DiffuserError.rejected(.busy)) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(200))
    }
    #expect(await events.first { $0.type == "scent.command.rejected" }?.payload["code"] == "busy")
    #expect(await diffuser.safetyHistory.releaseCount == 0)
    await diffuser.shutdown()
    await harness.stop()
  }

  /// Scentrealm reports a cartridge fault (status 0x09); the Aroma Shooter can only fail its HTTP call.
  @Test(arguments: VendorPath.allCases)
  func cartridgeFaultOrServerErrorIsAFault(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(
      path, faults: VendorFaults(cartridgeFaultChannels: [3], httpErrors: [1: 500]))
    let (diffuser, events) = try harness.diffuser()
    try await diffuser.connect()
    let expected: RejectionCode = path.isScentrealm ? .cartridgeEmpty : .deviceFault
    await #expect(throws: DiffuserError.rejected(expected)) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(200))
    }
    if path.isScentrealm {
      #expect(await events.first { $0.type == "scent.fault" && $0.payload["fault"] == "cartridge-empty" } != nil)
      #expect(try await diffuser.status().faultyChannels == [3])
    }
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: VendorPath.allCases)
  func governorTakesTheStricterOfProtocolAndDevice(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path)
    var limits = SimulatorHarness.permissiveLimits
    limits.maximumPulseMilliseconds = 20_000
    let (diffuser, events) = try harness.diffuser(limits: limits)
    try await diffuser.connect()
    await #expect(
      throws: DiffuserError.refused(.pulseTooLong(requestedMilliseconds: 12_000, maximumMilliseconds: 10_000))
    ) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(12_000))
    }
    await #expect(throws: DiffuserError.refused(.channelNotOnDevice(channel: 7, channelCount: 6))) {
      _ = try await diffuser.release(channel: CartridgeSlot(rawValue: 7)!, intensity: 30, duration: .milliseconds(100))
    }
    #expect(events.values.allSatisfy { $0.type != "scent.release.sent" })
    await diffuser.shutdown()
    #expect(await harness.commands().allSatisfy { !$0.hasPrefix("play") })
    await harness.stop()
  }

  /// The hour after which a device goes quiet, compressed to a fraction of a second: the
  /// keep-alive notices, the link is dropped and rebuilt, and the events say so.
  @Test(arguments: VendorPath.allCases)
  func deviceThatFallsSilentIsNoticedByTheKeepAlive(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(
      // A Scentrealm's silence counts from the simulator's start: long enough that a loaded
      // machine still connects first. An Aroma Shooter's counts from its last request.
      path, faults: VendorFaults(silentAfter: path == .aromaShooter ? .seconds(3) : .seconds(5)),
      options: ",keepalive-ms=100")
    var configuration = DiffuserConfiguration()
    configuration.heartbeatInterval = .milliseconds(100)
    let (diffuser, events) = try harness.diffuser(configuration: configuration)
    try await diffuser.connect()
    if path == .aromaShooter {
      // Requests every 100 ms keep the Aroma Shooter on the network past its idle limit.
      try await Task.sleep(for: .milliseconds(4_000))
      #expect(await harness.aromaShooter?.hasLeftNetwork == false)
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(100))
    } else {
      #expect(await events.first { $0.type == "scent.link.lost" } != nil)
      #expect(await events.first { $0.type == "scent.link.reconnecting" } != nil)
    }
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test func aromaShooterLeftIdleDropsOffAndTheLinkIsLost() async throws {
    // Idle long enough that a loaded machine still connects first; then waited for, up to 10 s.
    let harness = try await VendorHarness.start(.aromaShooter, faults: VendorFaults(silentAfter: .seconds(2)))
    var configuration = DiffuserConfiguration()
    configuration.reconnectBackoff = [.milliseconds(50)]
    let (diffuser, events) = try harness.diffuser(configuration: configuration)
    try await diffuser.connect()
    for _ in 0..<500 where await harness.aromaShooter?.hasLeftNetwork != true {
      try await Task.sleep(for: .milliseconds(20))
    }
    await #expect(throws: DiffuserError.self) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(100))
    }
    #expect(await events.first { $0.type == "scent.link.lost" } != nil)
    await diffuser.shutdown()
    await harness.stop()
  }

  /// Answer 3 (after UUID and scents) comes back with a bad CRC: the decoder drops it, the
  /// request times out, the link is rebuilt, and the next release goes through.
  @Test(arguments: [VendorPath.scentrealmSerial, .scentrealmUnix, .scentrealmBLEUnix])
  func corruptedFrameCostsOneReconnection(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path, faults: VendorFaults(corruptedAnswers: [3]))
    var configuration = DiffuserConfiguration()
    configuration.heartbeatInterval = .seconds(30)
    configuration.reconnectBackoff = [.milliseconds(50)]
    let (diffuser, events) = try harness.diffuser(configuration: configuration)
    try await diffuser.connect()
    await #expect(throws: DiffuserError.self) { _ = try await diffuser.status() }
    #expect(await events.first { $0.type == "scent.link.lost" } != nil)
    var connections = 0
    for _ in 0..<300 where connections < 2 {
      connections = events.values.filter { $0.type == "scent.link.connected" }.count
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(connections == 2)
    let receipt = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(100))
    #expect(receipt.appliedMilliseconds == 100)
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test(arguments: VendorPath.allCases)
  func refusedReleasesSendNothing(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path)
    let (diffuser, events) = try harness.diffuser(limits: .standard)
    try await diffuser.connect()
    for (intensity, milliseconds, code) in [
      (150, 500, "intensity-out-of-range"), (50, 0, "duration-not-positive"), (50, 8_000, "pulse-too-long"),
    ] {
      await #expect {
        _ = try await diffuser.release(Self.apple, intensity: intensity, duration: .milliseconds(milliseconds))
      } throws: { error in
        if case .refused(let refusal) = error as? DiffuserError { return refusal.code == code }
        return false
      }
    }
    #expect(events.values.filter { $0.type == "scent.release.refused" }.count == 3)
    await diffuser.shutdown()
    #expect(await harness.commands().allSatisfy { !$0.hasPrefix("play") })
    await harness.stop()
  }

  @Test(arguments: VendorPath.allCases)
  func scheduledAndAheadOfImageReleasesLeaveOnTime(over path: VendorPath) async throws {
    let harness = try await VendorHarness.start(path)
    var limits = SimulatorHarness.permissiveLimits
    limits.leadTimeMilliseconds = 40
    let (diffuser, _) = try harness.diffuser(limits: limits)
    try await diffuser.connect()
    let deadline = MonotonicClock.nanoseconds() + 50_000_000
    let scheduled = try await diffuser.release(Self.apple, intensity: 20, duration: .milliseconds(100), at: deadline)
    #expect(scheduled.scheduledNanoseconds == deadline && scheduled.writtenNanoseconds >= deadline)
    let image = max(MonotonicClock.nanoseconds() + 100_000_000, scheduled.endNanoseconds + 50_000_000)
    let ahead = try await diffuser.release(
      Self.apple, intensity: 20, duration: .milliseconds(100), aheadOfImageAt: image)
    #expect(ahead.scheduledNanoseconds == image - 40_000_000 && ahead.writtenNanoseconds >= image - 40_000_000)
    await diffuser.shutdown()
    await harness.stop()
  }
}
