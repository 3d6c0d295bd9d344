import Foundation
import ScentKit

/// `--diffuser simulated`: the simulator runs in this process, on a Unix socket of its own, and
/// the session or the home screen's check reaches it over that socket as it would a device.
enum LocalSimulator {
  /// Starts the simulator on `folder/name-PID.sock` (the folder made if missing); returns it with
  /// the endpoint that reaches it.
  static func start(in folder: URL, name: String) async throws(DiffuserError) -> (
    simulator: DiffuserSimulator, endpoint: DiffuserEndpoint
  ) {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let socket = folder.appendingPathComponent("\(name)-\(getpid()).sock").path
    let simulator = DiffuserSimulator()
    _ = try await simulator.start(listening: .unix(path: socket))
    return (simulator, .unix(path: socket))
  }
}
