import Foundation
import ScentKit
import Testing

/// A simulator on a Unix socket leaves no socket file behind once stopped.
@Suite struct SocketListenerTests {
  @Test(arguments: [TestTransport.unixStream, .gatt])
  func stoppingTheSimulatorRemovesItsSocketFile(over transport: TestTransport) async throws {
    let harness = try await SimulatorHarness.start(over: transport)
    let socket = harness.folder.appendingPathComponent("diffuser.sock").path
    #expect(FileManager.default.fileExists(atPath: socket))
    await harness.simulator.stop()
    #expect(!FileManager.default.fileExists(atPath: socket))
    await harness.stop()
  }

  @Test func aListenerDoesNotRemoveTheSocketOfTheOneThatTookItsPath() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scentkit-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("diffuser.sock").path
    let first = DiffuserSimulator()
    try await first.start(listening: .unix(path: path))
    let second = DiffuserSimulator()
    try await second.start(listening: .unix(path: path))
    await first.stop()
    #expect(FileManager.default.fileExists(atPath: path))
    await second.stop()
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
