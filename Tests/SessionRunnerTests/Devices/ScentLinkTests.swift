import Foundation
import SessionEngine
import SessionModel
import Testing

@testable import SessionRunner

/// A release the link cannot make is refused with the reason that applies.
@Suite struct ScentLinkTests {
  @Test func aScentMissingFromTheCatalogueIsRefusedByNameWhileTheDiffuserIsConnected() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let inbox = LockedBuffer<SessionInput>()
    let journal = EventJournal(log: fixture.database.eventLog)
    let (link, problem) = await ScentLink.open(
      .simulated, session: "S01", limits: .standard, scents: [], workDirectory: fixture.folder, inbox: inbox,
      journal: journal)
    #expect(problem == nil)

    link.release("rose", intensity: 50, durationMilliseconds: 1000)

    _ = await link.close()
    _ = try await journal.finish()
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path)
    #expect(!leftovers.contains { $0.hasSuffix(".sock") }, "the simulator's socket file is removed on close")
    let reasons = inbox.takeAll().compactMap { input -> String? in
      guard case .scentRefused(let scent, let reason) = input, scent == "rose" else { return nil }
      return reason.french
    }
    #expect(
      reasons == [
        "L'odeur « rose » n'est pas dans le catalogue Protocols/scents.yaml : ajoutez-la ou corrigez le protocole."
      ])
  }
}
