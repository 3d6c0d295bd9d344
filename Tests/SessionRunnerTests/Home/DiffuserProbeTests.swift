import Foundation
import ScentKit
import SessionModel
import Testing

@testable import SessionRunner

/// The diffuser check against the simulator over a real socket, and against nothing.
@Suite struct DiffuserProbeTests {
  static func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString.prefix(8))")
  }

  @Test func theBuiltInSimulatorIsFoundAndPuffs() async {
    let work = Self.folder()
    defer { try? FileManager.default.removeItem(at: work) }
    let report = await DiffuserProbe.check(.simulated, workDirectory: work)
    guard case .found(_, let channels, let empty, let lowest) = report else {
      Issue.record("not found: \(report)")
      return
    }
    #expect(channels == 30)
    #expect(empty.isEmpty)
    #expect(lowest != nil)
    #expect(
      await DiffuserProbe.puff(.simulated, channel: 3, workDirectory: work) == .released(channel: 3, milliseconds: 300))
  }

  @Test func aSimulatorStartedElsewhereReportsItsEmptyCartridges() async throws {
    let work = Self.folder()
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let socket = work.appendingPathComponent("d.sock").path
    var device = SimulatedDevice.Configuration()
    device.emptyChannels = [4, 9]
    let simulator = DiffuserSimulator(configuration: device)
    _ = try await simulator.start(listening: .unix(path: socket))
    let report = await DiffuserProbe.check(.endpoint("unix:\(socket)"), workDirectory: work)
    await simulator.stop()
    guard case .found(_, _, let empty, _) = report else {
      Issue.record("not found: \(report)")
      return
    }
    #expect(empty == [4, 9])
  }

  @Test func noDiffuserIsSaidSo() async {
    #expect(await DiffuserProbe.check(.none, workDirectory: Self.folder()) == .noDiffuser)
    guard case .failed(3, _) = await DiffuserProbe.puff(.none, channel: 3, workDirectory: Self.folder()) else {
      Issue.record("a puff without a diffuser must fail")
      return
    }
  }

  @Test func aDiffuserThatIsNotThereIsUnreachable() async {
    let report = await DiffuserProbe.check(.endpoint("unix:/nonexistent/diffuser.sock"), workDirectory: Self.folder())
    guard case .unreachable(let reason) = report else {
      Issue.record("reached nothing: \(report)")
      return
    }
    #expect(!reason.french.isEmpty)
  }
}
