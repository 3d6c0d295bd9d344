import Foundation
import ScentKit
import SessionModel

/// The diffuser check: asks the chosen diffuser who it is and how its cartridges are, and makes a
/// short test puff, each over a link of its own closed straight after (the session opens its own).
enum DiffuserProbe {
  static let puffIntensity = 30
  static let puffMilliseconds = 300

  static func check(_ choice: DiffuserChoice, workDirectory: URL) async -> DiffuserReport {
    if case .none = choice { return .noDiffuser }
    do {
      return try await withDiffuser(choice, workDirectory: workDirectory) { diffuser throws(DiffuserError) in
        let info = try await diffuser.connect()
        let status = try await diffuser.status()
        let levels = status.channels.enumerated()
          .filter { !$0.element.isMissing && $0.offset < info.channelCount && !info.scentsByChannel[$0.offset].isEmpty }
          .map { Int($0.element.level) }
        return .found(
          model: info.model, channels: info.channelCount, emptyOrMissing: status.faultyChannels, lowest: levels.min())
      }
    } catch {
      return .unreachable(error.explanation)
    }
  }

  static func puff(_ choice: DiffuserChoice, channel: Int, workDirectory: URL) async -> PuffResult {
    guard let slot = CartridgeSlot(rawValue: channel) else {
      return .failed(channel: channel, LocalizedText(fr: "canal inconnu.", en: "unknown channel."))
    }
    if case .none = choice {
      return .failed(channel: channel, LocalizedText(fr: "aucun diffuseur choisi.", en: "no diffuser chosen."))
    }
    do {
      return try await withDiffuser(choice, workDirectory: workDirectory) { diffuser throws(DiffuserError) in
        let info = try await diffuser.connect()
        let scent = channel <= info.channelCount ? info.scentsByChannel[channel - 1] : ""
        let receipt = try await diffuser.release(
          channel: slot, scent: ScentID(scent.isEmpty ? "test" : scent), intensity: puffIntensity,
          duration: .milliseconds(puffMilliseconds))
        return .released(channel: channel, milliseconds: receipt.appliedMilliseconds)
      }
    } catch {
      return .failed(channel: channel, error.explanation)
    }
  }

  /// Connects to the diffuser (starting the simulator on a private socket for `simulated`), runs
  /// `body`, then stops every channel and lets the link go.
  private static func withDiffuser<T: Sendable>(
    _ choice: DiffuserChoice, workDirectory: URL,
    _ body: (Diffuser) async throws(DiffuserError) -> T
  ) async throws(DiffuserError) -> T {
    var simulator: DiffuserSimulator?
    let endpoint: DiffuserEndpoint
    switch choice {
    case .none: throw DiffuserError.disconnected
    case .simulated:
      (simulator, endpoint) = try await LocalSimulator.start(in: workDirectory, name: "check")
    case .endpoint(let text):
      endpoint = try DiffuserEndpoint(parsing: text)
    }
    let diffuser = Diffuser(endpoint: endpoint, session: "device-check", limits: .deviceCheck)
    do {
      let result = try await body(diffuser)
      await diffuser.shutdown()
      await simulator?.stop()
      return result
    } catch {
      await diffuser.shutdown()
      await simulator?.stop()
      throw error
    }
  }
}
