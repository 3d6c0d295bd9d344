import Foundation
import ScentKit
import SessionModel
import Testing

/// The search the home screen's settings run: a device at a known address answers and is offered
/// with the endpoint a session takes; one that does not answer is not.
@Suite(.timeLimit(.minutes(1)))
struct DiffuserDiscoveryTests {
  @Test func anAromaShooterAtAKnownAddressIsFoundAndAnAbsentOneIsNot() async throws {
    let simulator = AromaShooterSimulator()
    let port = try await simulator.start()
    let silent = AromaShooterSimulator()
    let gone = try await silent.start()
    await silent.stop()

    let search = await DiffuserDiscovery.search(seconds: 1, aromaShooters: ["127.0.0.1:\(port)", "127.0.0.1:\(gone)"])
    await simulator.stop()

    let shooters = search.found.filter { $0.model == "Aroma Shooter" }
    #expect(shooters == [DiffuserSearch.Found(endpoint: "aromashooter:127.0.0.1:\(port)", model: "Aroma Shooter")])
    #expect(throws: Never.self) { try DiffuserEndpoint(parsing: shooters[0].endpoint) }
    let kernelHasBluetooth =
      (try? String(contentsOfFile: "/proc/net/protocols", encoding: .utf8))?.contains("BLUETOOTH") ?? false
    if !kernelHasBluetooth {
      #expect(
        search.bluetoothProblem?.french.contains("errno 97") == true, "\(String(describing: search.bluetoothProblem))")
    }
  }

  @Test(arguments: [
    (
      DiscoveredDevice(address: "AA:BB:CC:DD:EE:FF", name: "x", radio: .lowEnergy, offersDiffuserService: true),
      "ble:AA:BB:CC:DD:EE:FF"
    ),
    (
      DiscoveredDevice(
        address: "AA:BB:CC:DD:EE:F0", name: "x", radio: .lowEnergy, isRandomAddress: true, offersDiffuserService: true),
      "ble:AA:BB:CC:DD:EE:F0:random"
    ),
    (DiscoveredDevice(address: "AA:BB:CC:DD:EE:F1", name: "headphones", radio: .classic), nil),
  ])
  func aBluetoothDeviceIsOfferedOnlyWhenItIsADiffuser(device: DiscoveredDevice, endpoint: String?) {
    #expect(device.diffuserEndpoint == endpoint)
  }

  @Test func aScentrealmHeardOverBluetoothIsOfferedWithItsAdapter() throws {
    var device = DiscoveredDevice(
      address: "AA:BB:CC:DD:EE:F2", name: "scent-6", radio: .lowEnergy, isRandomAddress: true)
    device.looksLikeScentrealm = true
    let endpoint = try #require(device.diffuserEndpoint)
    #expect(endpoint == "scentrealm-ble:AA:BB:CC:DD:EE:F2,random")
    #expect(throws: Never.self) { try DiffuserEndpoint(parsing: endpoint) }
  }
}
