import Foundation
import ScentKit
import SessionModel
import Synchronization

@testable import SessionRunner

/// The diffuser simulator with injected faults, on a Unix socket in `folder`, with everything it
/// receives and answers recorded: the device's side of the story, to check the host's against.
final class FaultyDiffuser: Sendable {
  let simulator: DiffuserSimulator
  let choice: DiffuserChoice
  private let recorded = ActivityLog()

  init(in folder: URL, configuration: SimulatedDevice.Configuration = .init(), faults: SimulatorFaults) async throws {
    simulator = DiffuserSimulator(configuration: configuration, faults: faults)
    let path = folder.appendingPathComponent("faulty-\(UUID().uuidString.prefix(8)).sock").path
    try await simulator.start(listening: .unix(path: path))
    choice = .endpoint("unix:\(path)")
    let stream = simulator.activity
    Task { [recorded] in for await activity in stream { recorded.append(activity) } }
  }

  var activity: [SimulatorActivity] { recorded.all }

  /// What the device received, answered and did, as short words in order: `release`, `ack release`,
  /// `nak release`, `stop`, `ack stop`, `purge`, … (heartbeats, greetings and status left out).
  var story: [String] {
    activity.compactMap { activity in
      switch activity {
      case .received(.release, _): "release"
      case .received(.stop, _): "stop"
      case .received(.purge, _): "purge"
      case .answered(.acknowledgement(let ack), _) where [.release, .stop, .purge].contains(ack.command):
        "ack \(ack.command == .release ? "release" : ack.command == .stop ? "stop" : "purge")"
      case .answered(.negativeAcknowledgement(let command, _), _) where command == .release: "nak release"
      default: nil
      }
    }
  }

  /// True when the device acknowledged a release: it opened a valve.
  var released: Bool { story.contains("ack release") }

  func stop() async { await simulator.stop() }
}

private final class ActivityLog: Sendable {
  private let storage = Mutex<[SimulatorActivity]>([])

  func append(_ activity: SimulatorActivity) { storage.withLock { $0.append(activity) } }
  var all: [SimulatorActivity] { storage.withLock { $0 } }
}
