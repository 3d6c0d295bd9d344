import Foundation
import ScentKit
import SessionModel
import Testing

/// Several bought devices as one diffuser: a Scentrealm on a serial line, a Scentrealm on a
/// socket and an Aroma Shooter over HTTP, 18 slots through one device map.
@Suite(.timeLimit(.minutes(1)))
struct LogicalDiffuserTests {
  static func scent(_ id: String, _ slot: Int) -> Scent {
    Scent(id: ScentID(id), slot: CartridgeSlot(rawValue: slot)!, name: .init(fr: id, en: id), family: .fruit)
  }

  /// Three simulated devices and the map joining them; slot 1–6 on A, 7–12 on B, 13–18 on C.
  struct ThreeDevices {
    let a: VendorHarness
    let b: VendorHarness
    let c: VendorHarness
    let mapFile: String

    static func start(cartridgeOfSlot1: Int = 101) async throws -> ThreeDevices {
      let a = try await VendorHarness.start(.scentrealmSerial)
      let b = try await VendorHarness.start(.scentrealmUnix, cartridges: [201, 202, 203, 204, 205, 206])
      let c = try await VendorHarness.start(.aromaShooter)
      var lines = [
        "# three devices, 18 slots", "device A \(a.endpointText)", "device B \(b.endpointText)",
        "device C \(c.endpointText)",
      ]
      for channel in 1...6 {
        let cartridge = channel == 1 ? cartridgeOfSlot1 : 100 + channel
        lines.append("\(channel) scent-a\(channel) A \(channel) cartridge \(cartridge)")
        lines.append("\(6 + channel) scent-b\(channel) B \(channel) cartridge \(200 + channel)")
        lines.append("\(12 + channel) scent-c\(channel) C \(channel)")
      }
      let file = a.folder.appendingPathComponent("devices.conf").path
      try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
      return ThreeDevices(a: a, b: b, c: c, mapFile: file)
    }

    func stop() async {
      await b.stop()
      await c.stop()
      await a.stop()
    }
  }

  @Test func aSessionOverThreeDevicesReachesEachInTheOrderIssued() async throws {
    let devices = try await ThreeDevices.start()
    let events = Recorder<SessionEvent>()
    var limits = SimulatorHarness.permissiveLimits
    limits.leadTimeMilliseconds = 30
    let diffuser = Diffuser(
      endpoint: try DiffuserEndpoint(parsing: "devices:\(devices.mapFile)"), session: "three-devices", limits: limits,
      eventSink: { events.append($0) })
    let info = try await diffuser.connect()
    #expect(info.channelCount == 18)
    #expect(info.scentsByChannel[2] == "scent-a3" && info.scentsByChannel[13] == "scent-c2")
    // The trials of a session: each scent released ahead of its image, one after the other.
    let trials = [("scent-a3", 3), ("scent-b3", 9), ("scent-c2", 14), ("scent-a1", 1), ("scent-c6", 18)]
    var previousEnd: UInt64 = 0
    for (id, slot) in trials {
      // Releases never overlap (the governor's rule): each image waits for the last scent to end.
      let image = max(MonotonicClock.nanoseconds() + 60_000_000, previousEnd + 31_000_000)
      let receipt = try await diffuser.release(
        Self.scent(id, slot), intensity: 50, duration: .milliseconds(300), aheadOfImageAt: image)
      #expect(receipt.scheduledNanoseconds == image - 30_000_000)
      #expect(receipt.appliedMilliseconds == 300)
      previousEnd = receipt.endNanoseconds
    }
    #expect(await events.first { $0.type == "scent.release.ended" && $0.payload["channel"] == "18" } != nil)
    await diffuser.shutdown()
    let a = await devices.a.commands().filter { $0 != "status" }
    let b = await devices.b.commands().filter { $0 != "status" }
    let c = await devices.c.commands().filter { $0 != "status" }
    #expect(a == ["uuid", "scents", "play 3 300", "play 1 300", "stop"])
    #expect(b == ["uuid", "scents", "play 3 300", "stop"])
    #expect(c == ["play 2 300", "play 6 300", "stop"])
    #expect(events.values.filter { $0.type == "scent.release.acknowledged" }.count == 5)
    await devices.stop()
  }

  @Test func aCartridgeThatIsNotTheMappedOneStopsTheStart() async throws {
    let devices = try await ThreeDevices.start(cartridgeOfSlot1: 999)
    let diffuser = Diffuser(
      endpoint: try DiffuserEndpoint(parsing: "devices:\(devices.mapFile)"), session: "three-devices")
    await #expect {
      try await diffuser.connect()
    } throws: { error in
      guard case .deviceMap(let text) = error as? DiffuserError else { return false }
      return text.english.contains("device A, channel 1, holds cartridge 101; the map expects 999")
    }
    await diffuser.shutdown()
    await devices.stop()
  }

  @Test func aDeviceThatDoesNotAnswerIsNamed() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("devices.conf").path
    try "device Z scentrealm-unix:\(folder.path)/nobody.sock\n1 pomme Z 1\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    await #expect {
      _ = try await DiffuserEndpoint(parsing: "devices:\(file)").connect()
    } throws: { error in
      guard case .deviceMap(let text) = error as? DiffuserError else { return false }
      return text.english.contains("device Z (scentrealm-unix) does not answer")
    }
    try? FileManager.default.removeItem(at: folder)
  }

  @Test(arguments: [
    ("device A aromashooter:10.0.0.2\n1 pomme B 1", 2, "device B is not declared"),
    ("device A aromashooter:10.0.0.2\n1 pomme A 7", 2, "device A has no channel 7 (1 to 6)"),
    ("device A aromashooter:10.0.0.2\n1 pomme A 1 cartridge 5", 2, "device A cannot tell which cartridge"),
    (
      "device A scentrealm-serial:/dev/ttyUSB0\n1 pomme A 1\n1 citron A 2", 3,
      "slot 1 is outside 1 to 64 or already mapped"
    ),
    (
      "device A scentrealm-serial:/dev/ttyUSB0\n1 pomme A 1\n2 citron A 1", 3, "channel 1 of device A is already mapped"
    ),
    ("device A bluetooth:1\n", 1, "is not a device address"),
    ("device A scentrealm-serial:/dev/ttyUSB0\npomme A 1", 2, "expected 'SLOT SCENT DEVICE CHANNEL"),
  ])
  func mapMistakesNameTheFileAndLine(_ text: String, line: Int, message: String) {
    #expect {
      _ = try DeviceMap(parsing: text, file: "map.conf")
    } throws: { error in
      guard case .deviceMap(let explanation) = error as? DiffuserError else { return false }
      return explanation.english.hasPrefix("map.conf, line \(line): ") && explanation.english.contains(message)
    }
  }

  @Test func everyScentOfTheProtocolMustBeWhereTheMapSays() throws {
    let map = try DeviceMap(
      parsing: "device A scentrealm-serial:/dev/ttyUSB0,crc-low-first\n1 pomme A 3\n2 citron A 1\n", file: "map.conf")
    #expect(
      map.devices[0].endpoint
        == .scentrealmSerial(
          path: "/dev/ttyUSB0",
          settings: {
            var settings = ScentrealmSettings()
            settings.crcOrder = .lowFirst
            return settings
          }()))
    #expect(map.problems(for: [Self.scent("pomme", 1), Self.scent("citron", 2)]).isEmpty)
    let problems = map.problems(for: [Self.scent("pomme", 1), Self.scent("orange", 2), Self.scent("fraise", 5)])
    #expect(
      problems.map(\.english) == [
        "map.conf: slot 2 holds citron, the protocol expects orange there.",
        "map.conf: scent fraise (slot 5) is not mapped to any device.",
      ])
    #expect(map.capabilities.channelCount == 2 && map.capabilities.intensitySteps == 1)
  }

  @Test(arguments: [
    "scentrealm-serial:/dev/ttyUSB0", "scentrealm-serial:/dev/ttyUSB0,crc-low-first,channels=8",
    "scentrealm-ble:AA:BB:CC:DD:EE:FF,random", "aromashooter:192.168.1.20",
    "aromashooter:asn2a00001.local:1003,keepalive-ms=500",
  ])
  func vendorAddressesReadBackAsWritten(_ text: String) throws {
    let endpoint = try DiffuserEndpoint(parsing: text)
    #expect(endpoint.description == text.replacingOccurrences(of: ":1003,", with: ","))
  }
}
