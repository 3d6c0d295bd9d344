import ArgumentParser
import Foundation
import ScentKit
import SessionModel

/// `connectage diffuser latency` (hidden): release-to-acknowledgement and schedule-to-write
/// percentiles, for docs/PERFORMANCE.md and the BlueZ VM test.
struct DiffuserLatencyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "latency", abstract: "Measure release latency (for benchmarks).", shouldDisplay: false)

  @OptionGroup var target: DiffuserTarget

  @Option(help: "Number of releases.")
  var count = 100

  func run() async throws {
    // Tiny pulses at 1 %: a measurement, not a session, so only the device's own caps apply.
    let limits = ScentSafetyLimits(
      maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 0, purgeMilliseconds: 0,
      maximumChannelDutyCycle: 1, dutyCycleWindowMilliseconds: 1_000, maximumReleasesPerSession: count,
      maximumTotalReleaseMillisecondsPerSession: count * 10, leadTimeMilliseconds: 0)
    let endpoint = try target.endpoint()
    let diffuser = Diffuser(endpoint: endpoint, session: "diffuser-latency", limits: limits)
    let channels = max(1, min(10, endpoint.capabilities.channelCount))
    var roundTrips: [UInt64] = []
    var delays: [UInt64] = []
    do throws(DiffuserError) {
      try await diffuser.connect()
      var previousEnd: UInt64 = 0
      for index in 0..<count {
        let slot = CartridgeSlot.all[index % channels]
        // Releases never overlap (the governor forbids it), so each waits for the last to end.
        let deadline = max(MonotonicClock.nanoseconds() + 5_000_000, previousEnd + 1_000_000)
        let receipt = try await diffuser.release(channel: slot, intensity: 1, duration: .milliseconds(10), at: deadline)
        previousEnd = receipt.endNanoseconds
        roundTrips.append(receipt.roundTripNanoseconds)
        delays.append(receipt.schedulingDelayNanoseconds)
      }
    } catch {
      await diffuser.shutdown()
      throw error.commandFailure
    }
    await diffuser.shutdown()
    Terminal.print(
      "latency: \(count) releases over \(diffuser.endpoint): release-to-ack p50 \(Self.percentile(roundTrips, 50)) µs "
        + "p99 \(Self.percentile(roundTrips, 99)) µs; schedule-to-write p50 \(Self.percentile(delays, 50)) µs "
        + "p99 \(Self.percentile(delays, 99)) µs")
  }

  static func percentile(_ values: [UInt64], _ rank: Int) -> UInt64 {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, (sorted.count * rank + 99) / 100 - 1)] / 1_000
  }
}
