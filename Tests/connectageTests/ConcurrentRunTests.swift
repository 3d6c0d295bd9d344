import Foundation
import SessionModel
import Store
import Testing

/// Sessions started at the same moment never share an id, a folder or a log, and a planned
/// session already running on a database is not started a second time.
@Suite struct ConcurrentRunTests {
  @Test func twoRunsOfOnePlannedSessionAtOnceAreOneRunAndOneRefusal() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let output = workspace.path + "/sessions"
    let other = workspace.path + "/other.sqlite"
    let temporary = workspace.path + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    func demo(_ database: String) async throws -> CommandRun {
      try await CommandRun.connectage(
        ["demo", "--headless", "--brisk", "--players", "2", "--db", database, "--output", output],
        environment: ["XDG_DATA_HOME": workspace.path, "TMPDIR": temporary])
    }
    // Two on one database, a third on another database writing to the same folder, all at once.
    async let first = demo(workspace.databasePath)
    async let second = demo(workspace.databasePath)
    async let elsewhere = demo(other)
    let runs = try await [first, second]
    let third = try await elsewhere

    let refused = try #require(runs.first { $0.exitCode != 0 }, "\(runs.map(\.standardError))")
    #expect(refused.exitCode == 2)
    #expect(
      refused.standardError
        == "La séance G01-S01 de l'étude demo est déjà en cours dans un autre programme ConnectAge sur cette base de données : une seule à la fois. Attendez qu'elle se termine, ou choisissez une autre séance (--session, --group).\n"
    )
    #expect(runs.count { $0.exitCode == 0 } == 1, "\(runs.map(\.standardError))")
    #expect(third.exitCode == 0, "\(third.standardError)")

    var sessions: [SessionID] = []
    for path in [workspace.databasePath, other] {
      let database = try SessionDatabase(path: path)
      let session = try #require(try database.sessions.fetchAll().first)
      #expect(try database.sessions.fetchAll().count == 1)
      let types = try database.eventLog.events(in: session.id).map(\.event.type.rawValue)
      #expect(types.count { $0 == "runner.started" } == 1)
      #expect(types.count { $0 == "session.ended" } == 1)
      let recordings = try database.recordings.fetchAll(in: session.id)
      #expect(recordings.count == 3)
      #expect(recordings.allSatisfy { $0.path.contains("/\(session.id.rawValue)/") })
      #expect(try database.check.run().isHealthy)
      sessions.append(session.id)
    }
    #expect(sessions[0] != sessions[1], "two runs of G01-S01 started together get two ids")
    #expect(sessions.allSatisfy { $0.rawValue.hasPrefix("G01-S01-") })
    let folders = try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(sessions.map(\.rawValue)))
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: temporary)
    #expect(!leftovers.contains { $0.hasSuffix(".sock") }, "each simulated diffuser's socket is removed: \(leftovers)")
  }
}
