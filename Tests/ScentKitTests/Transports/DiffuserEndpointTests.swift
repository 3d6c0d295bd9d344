import ScentKit
import Testing

struct DiffuserEndpointTests {
  @Test(arguments: [
    ("unix:/tmp/d.sock", DiffuserEndpoint.unix(path: "/tmp/d.sock")),
    ("tcp:127.0.0.1:4000", .tcp(host: "127.0.0.1", port: 4000)),
    ("tcp:localhost:1", .tcp(host: "localhost", port: 1)),
    ("rfcomm:aa:bb:cc:dd:ee:ff", .rfcomm(address: "AA:BB:CC:DD:EE:FF", channel: 1)),
    ("rfcomm:00:11:22:33:44:55:10", .rfcomm(address: "00:11:22:33:44:55", channel: 10)),
    ("ble:aa:bb:cc:dd:ee:ff", .lowEnergy(address: "AA:BB:CC:DD:EE:FF", random: false)),
    ("ble:C0:11:22:33:44:55:random", .lowEnergy(address: "C0:11:22:33:44:55", random: true)),
    ("ble:00:11:22:33:44:55:public", .lowEnergy(address: "00:11:22:33:44:55", random: false)),
    ("ble-unix:/tmp/d.sock", .gattUnix(path: "/tmp/d.sock")),
  ])
  func parsesEveryKind(_ text: String, expected: DiffuserEndpoint) throws {
    #expect(try DiffuserEndpoint(parsing: text) == expected)
    #expect(try DiffuserEndpoint(parsing: expected.description) == expected)
  }

  @Test(arguments: [
    "", "unix:", "tcp:4000", "tcp::80", "tcp:host:99999", "rfcomm:AA:BB", "rfcomm:GG:BB:CC:DD:EE:FF",
    "serial:/dev/ttyS0", "ble:", "ble:AA:BB:CC:DD:EE", "ble:AA:BB:CC:DD:EE:FF:static", "ble:AA:BB:CC:DD:EE:FF:",
    "ble-unix:",
  ])
  func refusesNonsense(_ text: String) {
    #expect(throws: DiffuserError.invalidAddress(text)) { try DiffuserEndpoint(parsing: text) }
  }

  @Test(arguments: [
    ("unix:/tmp/s", ListenEndpoint.unix(path: "/tmp/s")), ("tcp:0", .tcp(port: 0)), ("rfcomm:10", .rfcomm(channel: 10)),
    ("ble", .lowEnergy), ("ble-unix:/tmp/s", .gattUnix(path: "/tmp/s")),
  ])
  func parsesListenAddresses(_ text: String, expected: ListenEndpoint) throws {
    #expect(try ListenEndpoint(parsing: text) == expected)
  }

  @Test(arguments: [
    DiffuserEndpoint.rfcomm(address: "00:11:22:33:44:55", channel: 1),
    .lowEnergy(address: "00:11:22:33:44:55", random: false),
  ])
  func bluetoothSocketsFailWithAnActionableErrorWithoutBluetooth(_ endpoint: DiffuserEndpoint) async throws {
    // On a kernel without Bluetooth this is errno 97; with Bluetooth but no such device, 19 or 111-113.
    await #expect {
      _ = try await endpoint.connect()
    } throws: { error in
      switch error as? DiffuserError {
      case .bluetoothUnsupported, .noAdapter, .adapterDown, .deviceUnreachable: true
      default: false
      }
    }
  }
}
