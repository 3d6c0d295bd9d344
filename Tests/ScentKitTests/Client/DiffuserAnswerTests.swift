import Foundation
import ScentKit
import SessionModel
import Testing

/// What the client makes of answers that come late or never, and what its link events may say.
@Suite(.timeLimit(.minutes(1)))
struct DiffuserAnswerTests {
  static let apple = DiffuserTests.apple

  @Test func aReleaseAcknowledgedAfterItsTimeoutIsReportedAsARelease() async throws {
    // Every answer takes 400 ms; the host gives up after 250 ms.
    let harness = try await SimulatorHarness.start(faults: SimulatorFaults(latency: .milliseconds(400)))
    var configuration = DiffuserConfiguration()
    configuration.commandTimeout = .milliseconds(250)
    configuration.heartbeatInterval = .seconds(30)
    configuration.timeoutsBeforeReconnect = 5
    let late = Recorder<ReleaseReceipt>()
    let events = Recorder<SessionEvent>()
    let diffuser = Diffuser(
      endpoint: harness.endpoint, session: "test-session", limits: SimulatorHarness.permissiveLimits,
      configuration: configuration, eventSink: { events.append($0) }, lateReceiptSink: { late.append($0) })
    _ = try? await diffuser.connect()  // the greeting times out too
    await #expect(throws: DiffuserError.timeout(.release)) {
      _ = try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(2_000))
    }
    let receipt = await late.first { _ in true }
    #expect(receipt?.channel == Self.apple.slot && receipt?.scent == "pomme")
    #expect(receipt.map { $0.acknowledgedNanoseconds > $0.writtenNanoseconds } == true)
    let acknowledged = events.values.first { $0.type == "scent.release.acknowledged" }
    #expect(acknowledged?.payload["late"] == "true")
    #expect(await diffuser.safetyHistory.releaseCount == 1)
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test func aReleaseWhoseLinkDropsBeforeTheAnswerIsUnconfirmedAndStillCounted() async throws {
    // The device prepares the release for 500 ms; meanwhile it answers a status, then drops the link.
    let harness = try await SimulatorHarness.start(
      faults: SimulatorFaults(dropAfterFrames: 2, releaseDelay: .milliseconds(500)))
    var configuration = DiffuserConfiguration()
    configuration.reconnectBackoff = [.seconds(30)]
    configuration.heartbeatInterval = .seconds(30)
    let (diffuser, _) = harness.diffuser(configuration: configuration)
    try await diffuser.connect()
    let release = Task { try await diffuser.release(Self.apple, intensity: 30, duration: .milliseconds(2_000)) }
    _ = await harness.activity.first { activity in
      if case .received(.release, _) = activity { return true }
      return false
    }
    _ = try? await diffuser.status()
    await #expect(throws: DiffuserError.answerLost(.release)) { _ = try await release.value }
    #expect(await diffuser.safetyHistory.releaseCount == 1, "the device may be releasing: the governor keeps it")
    await diffuser.shutdown()
    await harness.stop()
  }

  @Test func linkEventsNameTheTransportNeverTheAddressOrThePath() async throws {
    let harness = try await SimulatorHarness.start()
    let (diffuser, events) = harness.diffuser()
    try await diffuser.connect()
    await diffuser.shutdown()
    await harness.stop()
    // No Bluetooth adapter answers this address: the failure is logged without it.
    let address = "0A:1B:2C:3D:4E:5F"
    let unreachable = Recorder<SessionEvent>()
    let bluetooth = Diffuser(
      endpoint: try DiffuserEndpoint(parsing: "rfcomm:\(address)"), session: "test-session",
      eventSink: { unreachable.append($0) })
    _ = try? await bluetooth.connect()
    await bluetooth.shutdown()

    let linkEvents = (events.values + unreachable.values).filter { $0.type.rawValue.hasPrefix("scent.link.") }
    #expect(
      linkEvents.map { "\($0.type) \($0.payload["transport"] ?? "")" }
        == [
          "scent.link.connected unix", "scent.link.closed unix", "scent.link.failed rfcomm", "scent.link.closed rfcomm",
        ])
    for event in linkEvents {
      let text = event.payload.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      #expect(!text.contains(harness.folder.path) && !text.contains("diffuser.sock"), "\(event.type): \(text)")
      #expect(!text.uppercased().contains(address) && !text.contains("0A1B"), "\(event.type): \(text)")
    }
  }
}
