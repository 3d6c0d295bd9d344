import Foundation
import ScentKit
import SessionEngine
import SessionModel

/// The session's diffuser: the real one, or the simulator on a private socket, seen the same way.
///
/// Releases run as tasks; their acknowledgement or refusal comes back to the engine through the
/// inbox, so the screen never waits for Bluetooth.
final class ScentLink: Sendable {
  private let diffuser: Diffuser?
  private let simulator: DiffuserSimulator?
  private let scents: [ScentID: Scent]
  private let inbox: LockedBuffer<SessionInput>
  /// Releases the device acknowledged, for the summary.
  private let acknowledged = LockedBuffer<ScentID>()

  private init(
    diffuser: Diffuser?, simulator: DiffuserSimulator?, scents: [ScentID: Scent], inbox: LockedBuffer<SessionInput>
  ) {
    self.diffuser = diffuser
    self.simulator = simulator
    self.scents = scents
    self.inbox = inbox
  }

  /// Connects to the chosen diffuser. One that cannot be reached is reported, not fatal:
  /// the session goes on and every release is refused with the reason.
  static func open(
    _ choice: DiffuserChoice, session: SessionID, limits: ScentSafetyLimits, scents: [Scent],
    workDirectory: URL, inbox: LockedBuffer<SessionInput>, journal: EventJournal
  ) async -> (link: ScentLink, problem: LocalizedText?) {
    let byID = Dictionary(scents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var simulator: DiffuserSimulator?
    let endpoint: DiffuserEndpoint
    do {
      switch choice {
      case .none:
        return (ScentLink(diffuser: nil, simulator: nil, scents: byID, inbox: inbox), nil)
      case .simulated:
        let socket = workDirectory.appendingPathComponent("diffuser-\(getpid()).sock").path
        let device = DiffuserSimulator()
        _ = try await device.start(listening: .unix(path: socket))
        simulator = device
        endpoint = .unix(path: socket)
      case .endpoint(let text):
        endpoint = try DiffuserEndpoint(parsing: text)
      }
    } catch {
      await simulator?.stop()
      return (ScentLink(diffuser: nil, simulator: nil, scents: byID, inbox: inbox), error.explanation)
    }
    let diffuser = Diffuser(endpoint: endpoint, session: session, limits: limits, eventSink: { journal.record($0) })
    let link = ScentLink(diffuser: diffuser, simulator: simulator, scents: byID, inbox: inbox)
    do {
      try await diffuser.connect()
      return (link, nil)
    } catch {
      return (link, error.explanation)
    }
  }

  func release(_ id: ScentID, intensity: Int, durationMilliseconds: Int) {
    guard let diffuser else {
      inbox.append(
        .scentRefused(id, reason: LocalizedText(fr: "Aucun diffuseur n'est connecté.", en: "No diffuser is connected."))
      )
      return
    }
    guard let scent = scents[id] else {
      inbox.append(
        .scentRefused(
          id,
          reason: LocalizedText(
            fr:
              "L'odeur « \(id) » n'est pas dans le catalogue Protocols/scents.yaml : ajoutez-la ou corrigez le protocole.",
            en: "The scent '\(id)' is not in the catalogue Protocols/scents.yaml: add it or correct the protocol.")))
      return
    }
    let inbox = self.inbox
    let acknowledged = self.acknowledged
    Task {
      do {
        let receipt = try await diffuser.release(
          scent, intensity: intensity, duration: .milliseconds(durationMilliseconds))
        acknowledged.append(id)
        inbox.append(.scentReleased(id, startedAt: receipt.startNanoseconds, endsAt: receipt.endNanoseconds))
      } catch {
        inbox.append(
          .scentRefused(
            id,
            reason: (error as? DiffuserError)?.explanation
              ?? LocalizedText(fr: "Le diffuseur a refusé : \(error).", en: "The diffuser refused: \(error).")))
      }
    }
  }

  func stopAll() {
    guard let diffuser else { return }
    Task { try? await diffuser.stopAll() }
  }

  func purge(milliseconds: Int) {
    guard let diffuser else { return }
    Task { _ = try? await diffuser.purge(for: .milliseconds(milliseconds)) }
  }

  /// Stops every channel and closes the link (and the simulator, if it was ours).
  /// Returns how many releases the device acknowledged.
  func close() async -> Int {
    await diffuser?.shutdown()
    await simulator?.stop()
    return acknowledged.takeAll().count
  }
}
