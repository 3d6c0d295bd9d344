import Foundation
import ScentKit
import SessionModel
import Testing

/// Every adapter path this machine can run both ends of, each against its simulator.
enum VendorPath: String, CaseIterable, Sendable, CustomTestStringConvertible {
  /// Scentrealm over a pseudo-terminal pair: the serial adapter's own code (termios, 19200 8N1).
  case scentrealmSerial = "scentrealm-serial"
  /// Scentrealm over a Unix stream socket.
  case scentrealmUnix = "scentrealm-unix"
  /// Scentrealm over GATT (Nordic UART service) on a Unix SOCK_SEQPACKET socket: the BLE code path.
  case scentrealmBLEUnix = "scentrealm-ble-unix"
  /// Aroma Shooter over HTTP on loopback.
  case aromaShooter = "aromashooter"

  var testDescription: String { rawValue }
  var isScentrealm: Bool { self != .aromaShooter }
}

/// Faults in the terms both simulators understand.
struct VendorFaults: Sendable {
  var busy = false
  var cartridgeFaultChannels: Set<Int> = []
  var silentAfter: Duration?
  var corruptedAnswers: Set<Int> = []
  var httpErrors: [Int: Int] = [:]
}

/// One simulated vendor device and the endpoint that reaches it.
struct VendorHarness: Sendable {
  let path: VendorPath
  let endpointText: String
  let scentrealm: ScentrealmSimulator?
  let aromaShooter: AromaShooterSimulator?
  let folder: URL

  static func start(
    _ path: VendorPath, faults: VendorFaults = .init(), cartridges: [Int] = [101, 102, 103, 104, 105, 106],
    options: String = ""
  ) async throws -> VendorHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vendor-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if path == .aromaShooter {
      var simulated = AromaShooterSimulator.Faults()
      simulated.failingDiffusions = faults.httpErrors
      simulated.idleDisconnectAfter = faults.silentAfter
      let simulator = AromaShooterSimulator(faults: simulated)
      let port = try await simulator.start()
      return VendorHarness(
        path: path, endpointText: "aromashooter:127.0.0.1:\(port)\(options)", scentrealm: nil, aromaShooter: simulator,
        folder: folder)
    }
    var configuration = ScentrealmSimulator.Configuration()
    configuration.cartridges = cartridges
    var simulated = ScentrealmSimulator.Faults()
    simulated.busy = faults.busy
    simulated.cartridgeFaultChannels = faults.cartridgeFaultChannels
    simulated.silentAfter = faults.silentAfter
    simulated.corruptedAnswers = faults.corruptedAnswers
    let simulator = ScentrealmSimulator(configuration: configuration, faults: simulated)
    let socket = folder.appendingPathComponent("scentrealm.sock").path
    let text: String
    switch path {
    case .scentrealmSerial: text = "scentrealm-serial:\(try await simulator.startOnPseudoTerminal())"
    case .scentrealmUnix:
      try await simulator.start(listening: .unix(path: socket))
      text = "scentrealm-unix:\(socket)"
    default:
      try await simulator.start(listening: .gattUnix(path: socket), profile: .nordicUART)
      text = "scentrealm-ble-unix:\(socket)"
    }
    // The whole test suite shares two cores with these simulators: an answer may wait far longer
    // than a device's 10 ms, so the adapter waits 4 s (the default is 1 s) and the client 6 s.
    return VendorHarness(
      path: path, endpointText: text + ",answer-ms=4000" + options, scentrealm: simulator, aromaShooter: nil,
      folder: folder)
  }

  var endpoint: DiffuserEndpoint { get throws { try DiffuserEndpoint(parsing: endpointText) } }

  func diffuser(
    limits: ScentSafetyLimits = SimulatorHarness.permissiveLimits, configuration: DiffuserConfiguration = .init()
  ) throws -> (Diffuser, Recorder<SessionEvent>) {
    let events = Recorder<SessionEvent>()
    var configuration = configuration
    configuration.commandTimeout = max(configuration.commandTimeout, .seconds(6))
    let diffuser = Diffuser(
      endpoint: try endpoint, session: "vendor-test", limits: limits, configuration: configuration,
      eventSink: { events.append($0) })
    return (diffuser, events)
  }

  /// What the device was asked, in order, in one vocabulary: `play 3 5000`, `stop`, `status`, …
  func commands() async -> [String] {
    if let scentrealm { return await scentrealm.commandLog }
    return await aromaShooter!.commandLog
  }

  func stop() async {
    await scentrealm?.stop()
    await aromaShooter?.stop()
    try? FileManager.default.removeItem(at: folder)
  }
}
