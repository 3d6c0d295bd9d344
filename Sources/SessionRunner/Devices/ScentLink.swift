import Foundation
import ScentKit
import SessionEngine
import SessionModel

/// The session's diffuser: the real one, or the simulator on a private socket, seen the same way.
///
/// Commands go through one ``DiffuserCommandQueue``, carried out in the order the session issued
/// them; a release's acknowledgement or refusal comes back to the engine through the inbox, so the
/// screen never waits for Bluetooth.
final class ScentLink: Sendable {
  /// How long closing waits for the commands still queued (each is bounded by the command timeout).
  static let drainLimit: Duration = .seconds(6)

  private let diffuser: Diffuser?
  private let queue: DiffuserCommandQueue?
  private let simulator: DiffuserSimulator?
  private let scents: [ScentID: Scent]
  private let inbox: LockedBuffer<SessionInput>
  /// Releases the device acknowledged, for the summary.
  private let acknowledged: LockedBuffer<ScentID>

  private init(
    diffuser: Diffuser?, simulator: DiffuserSimulator?, scents: [ScentID: Scent], inbox: LockedBuffer<SessionInput>,
    acknowledged: LockedBuffer<ScentID> = LockedBuffer(), journal: EventJournal? = nil
  ) {
    self.diffuser = diffuser
    self.simulator = simulator
    self.scents = scents
    self.inbox = inbox
    self.acknowledged = acknowledged
    queue = diffuser.map { diffuser in
      DiffuserCommandQueue(
        diffuser: diffuser, inbox: inbox,
        log: { event in
          journal?.record(
            SessionEvent(
              session: diffuser.session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
              .scent(event)))
        },
        released: { receipt in acknowledged.append(receipt.scent ?? "") })
    }
  }

  /// Connects to the chosen diffuser. One that cannot be reached is reported, not fatal: the
  /// session goes on, each release is refused with the reason while the link keeps being sought,
  /// and a diffuser switched on later is used from then on.
  ///
  /// - Parameter history: releases an interrupted run of this session made, which the diffuser's
  ///   safety governor counts.
  static func open(
    _ choice: DiffuserChoice, session: SessionID, limits: ScentSafetyLimits, history: [PastScentRelease] = [],
    configuration: DiffuserConfiguration = .init(), scents: [Scent], workDirectory: URL,
    inbox: LockedBuffer<SessionInput>, journal: EventJournal
  ) async -> (link: ScentLink, problem: LocalizedText?) {
    let byID = Dictionary(scents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var simulator: DiffuserSimulator?
    let endpoint: DiffuserEndpoint
    do {
      switch choice {
      case .none:
        return (ScentLink(diffuser: nil, simulator: nil, scents: byID, inbox: inbox), nil)
      case .simulated:
        (simulator, endpoint) = try await LocalSimulator.start(in: workDirectory, name: "diffuser")
      case .endpoint(let text):
        endpoint = try DiffuserEndpoint(parsing: text)
      }
    } catch {
      await simulator?.stop()
      return (ScentLink(diffuser: nil, simulator: nil, scents: byID, inbox: inbox), error.explanation)
    }
    let acknowledged = LockedBuffer<ScentID>()
    let diffuser = Diffuser(
      endpoint: endpoint, session: session, limits: limits,
      history: history.map {
        SafetyGovernor.PastRelease(
          channel: $0.slot.rawValue, startNanoseconds: $0.startNanoseconds,
          durationMilliseconds: $0.durationMilliseconds)
      },
      configuration: configuration, eventSink: { journal.record($0) },
      lateReceiptSink: { receipt in
        // The device released after the session was told it did not answer: the engine logs it late.
        guard let scent = receipt.scent else { return }
        acknowledged.append(scent)
        inbox.append(
          .scentReleasedLate(
            scent, startedAt: receipt.startNanoseconds, endsAt: receipt.endNanoseconds,
            acknowledgedAt: receipt.acknowledgedNanoseconds))
      })
    let link = ScentLink(
      diffuser: diffuser, simulator: simulator, scents: byID, inbox: inbox, acknowledged: acknowledged,
      journal: journal)
    do {
      try await diffuser.connect()
      return (link, nil)
    } catch {
      let reason = error.explanation
      // The link opened and the device did not answer: whether it comes round is the device's doing,
      // so the therapist is promised nothing.
      guard !(await diffuser.isConnected) else { return (link, reason) }
      return (
        link,
        LocalizedText(
          fr: reason.french
            + " ConnectAge continue d'essayer pendant la séance : un diffuseur allumé ensuite sera utilisé.",
          en: reason.english + " ConnectAge keeps trying during the session: a diffuser switched on later will be used."
        )
      )
    }
  }

  func release(_ id: ScentID, intensity: Int, durationMilliseconds: Int) {
    guard let queue else {
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
    queue.append(.release(scent, intensity: intensity, durationMilliseconds: durationMilliseconds))
  }

  func stopAll() {
    queue?.append(.stopAll)
  }

  func purge(milliseconds: Int) {
    queue?.append(.purge(milliseconds: milliseconds))
  }

  /// Carries out the commands still queued (for at most ``drainLimit``), then stops every channel
  /// and closes the link (and the simulator, if it was ours). Returns how many releases the device
  /// acknowledged.
  func close() async -> Int {
    await queue?.drain(within: Self.drainLimit)
    await diffuser?.shutdown()
    await simulator?.stop()
    return acknowledged.takeAll().count
  }
}
