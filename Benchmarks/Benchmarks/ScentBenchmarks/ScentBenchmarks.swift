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
}
