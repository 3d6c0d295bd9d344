import Foundation
import ScentKit
import SessionModel
import Synchronization
import Testing

/// The transports the contract suites run over: every one this machine can run both ends of.
/// Bluetooth itself (RFCOMM, LE) needs two controllers: scripts/bluez-vm-test covers it.
enum TestTransport: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case unixStream = "unix"
  case tcp
  /// The BLE code path (GATT client and server, ATT PDUs) over a Unix SOCK_SEQPACKET socket.
  case gatt = "ble-unix"

  var testDescription: String { rawValue }
}

/// A simulator in a fresh temporary folder, on the given transport, with its activity recorded.
struct SimulatorHarness {
  let simulator: DiffuserSimulator
  let endpoint: DiffuserEndpoint
  let activity: Recorder<SimulatorActivity>
  let folder: URL

  static func start(
    over transport: TestTransport = .unixStream, configuration: SimulatedDevice.Configuration = .init(),
    faults: SimulatorFaults = .init()
  ) async throws -> SimulatorHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scentkit-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("diffuser.sock").path
    let simulator = DiffuserSimulator(configuration: configuration, faults: faults)
    let activity = Recorder<SimulatorActivity>()
    let stream = simulator.activity
    Task { for await event in stream { activity.append(event) } }
    let endpoint: DiffuserEndpoint
    switch transport {
    case .unixStream:
      try await simulator.start(listening: .unix(path: path))
      endpoint = .unix(path: path)
    case .tcp:
      endpoint = try DiffuserEndpoint(parsing: try await simulator.start(listening: .tcp(port: 0)))
    case .gatt:
      try await simulator.start(listening: .gattUnix(path: path))
      endpoint = .gattUnix(path: path)
    }
    return SimulatorHarness(simulator: simulator, endpoint: endpoint, activity: activity, folder: folder)
  }

  /// A client whose events are recorded too.
  func diffuser(
    limits: ScentSafetyLimits = Self.permissiveLimits, configuration: DiffuserConfiguration = .init()
  ) -> (Diffuser, Recorder<SessionEvent>) {
    let events = Recorder<SessionEvent>()
    let diffuser = Diffuser(
      endpoint: endpoint, session: "test-session", limits: limits, configuration: configuration,
      eventSink: { event in
        events.append(event)
      })
    return (diffuser, events)
  }

  func stop() async {
    await simulator.stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// Limits that let tests release quickly; the governor's own tests use the real ones.
  static let permissiveLimits = ScentSafetyLimits(
    maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 0, purgeMilliseconds: 0,
    maximumChannelDutyCycle: 1, dutyCycleWindowMilliseconds: 60_000, maximumReleasesPerSession: 100,
    maximumTotalReleaseMillisecondsPerSession: 1_000_000, leadTimeMilliseconds: 0)
}

/// Collects values from other tasks in order, and waits for one that matches.
final class Recorder<Value: Sendable>: Sendable {
  private let storage = Mutex<[Value]>([])

  var values: [Value] { storage.withLock { $0 } }

  func append(_ value: Value) { storage.withLock { $0.append(value) } }

  /// Waits (polling, up to `seconds`) for a value matching `predicate`; nil if none came.
  func first(within seconds: Double = 10, where predicate: @Sendable (Value) -> Bool) async -> Value? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let match = values.first(where: predicate) { return match }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return values.first(where: predicate)
  }
}
