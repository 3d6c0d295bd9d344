import Benchmark
import Foundation
import ScentKit
import SessionModel

/// A simulator on a Unix socket and a connected client, shared by the latency benchmarks.
private actor Fixture {
  static let shared = Fixture()
  private var diffuser: Diffuser?
  private var releases = 0

  func connected() async throws -> Diffuser {
    if let diffuser { return diffuser }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("scent-bench-\(getpid()).sock").path
    let simulator = DiffuserSimulator()
    try await simulator.start(listening: .unix(path: path))
    // Tiny pulses back to back: a measurement, so only the device's own caps apply.
    let limits = ScentSafetyLimits(
      maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 0, purgeMilliseconds: 0,
      maximumChannelDutyCycle: 1, dutyCycleWindowMilliseconds: 1_000, maximumReleasesPerSession: .max,
      maximumTotalReleaseMillisecondsPerSession: .max, leadTimeMilliseconds: 0)
    let diffuser = Diffuser(endpoint: .unix(path: path), session: "bench", limits: limits)
    try await diffuser.connect()
    self.diffuser = diffuser
    return diffuser
  }

  func nextChannel() -> CartridgeSlot {
    releases += 1
    return CartridgeSlot.all[releases % 30]
  }
}

/// Each bought device's adapter against its simulator, in-process: the adapter's own path
/// (pseudo-terminal, Unix socket, GATT over a packet socket, HTTP on loopback).
private actor VendorFixture {
  static let shared = VendorFixture()
  private var diffusers: [String: Diffuser] = [:]
  private var releases = 0
  private var keep: [any Sendable] = []

  func connected(_ kind: String) async throws -> Diffuser {
    if let diffuser = diffusers[kind] { return diffuser }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vendor-bench-\(getpid())-\(kind)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let socket = folder.appendingPathComponent("s.sock").path
    let text: String
    switch kind {
    case "aromashooter":
      let simulator = AromaShooterSimulator()
      keep.append(simulator)
      text = "aromashooter:127.0.0.1:\(try await simulator.start())"
    default:
      let simulator = ScentrealmSimulator()
      keep.append(simulator)
      switch kind {
      case "scentrealm-serial": text = "scentrealm-serial:\(try await simulator.startOnPseudoTerminal())"
      case "scentrealm-ble-unix":
        try await simulator.start(listening: .gattUnix(path: socket))
        text = "scentrealm-ble-unix:\(socket)"
      default:
        try await simulator.start(listening: .unix(path: socket))
        text = "scentrealm-unix:\(socket)"
      }
    }
    let limits = ScentSafetyLimits(
      maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 0, purgeMilliseconds: 0,
      maximumChannelDutyCycle: 1, dutyCycleWindowMilliseconds: 1_000, maximumReleasesPerSession: .max,
      maximumTotalReleaseMillisecondsPerSession: .max, leadTimeMilliseconds: 0)
    let diffuser = Diffuser(endpoint: try DiffuserEndpoint(parsing: text), session: "bench", limits: limits)
    try await diffuser.connect()
    diffusers[kind] = diffuser
    return diffuser
  }

  func nextChannel() -> CartridgeSlot {
    releases += 1
    return CartridgeSlot.all[releases % 6]
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 500)

  Benchmark("Frame encode + decode (RELEASE)") { benchmark in
    let command = HostCommand.release(channel: 3, intensity: 40, durationMilliseconds: 2_000, fanBoost: true)
    for index in benchmark.scaledIterations {
      blackHole(try Frame.decode(command.frame(sequence: UInt16(truncatingIfNeeded: index)).encoded()))
    }
  }

  // One release per run: the wall-clock percentiles are the release-to-ACK latency.
  Benchmark(
    "Release to acknowledgement over a Unix socket",
    configuration: .init(metrics: [.wallClock], scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 500)
  ) { benchmark in
    let diffuser = try await Fixture.shared.connected()
    let channel = await Fixture.shared.nextChannel()
    benchmark.startMeasurement()
    blackHole(try await diffuser.release(channel: channel, intensity: 1, duration: .milliseconds(1)))
    benchmark.stopMeasurement()
    try await Task.sleep(for: .milliseconds(2))  // the previous pulse has ended before the next
  }

  for kind in ["scentrealm-serial", "scentrealm-unix", "scentrealm-ble-unix", "aromashooter"] {
    Benchmark(
      "Release to acknowledgement, \(kind) adapter and simulator",
      configuration: .init(metrics: [.wallClock], scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 300)
    ) { benchmark in
      let diffuser = try await VendorFixture.shared.connected(kind)
      let channel = await VendorFixture.shared.nextChannel()
      benchmark.startMeasurement()
      blackHole(try await diffuser.release(channel: channel, intensity: 1, duration: .milliseconds(1)))
      benchmark.stopMeasurement()
      try await Task.sleep(for: .milliseconds(2))
    }
  }
}
