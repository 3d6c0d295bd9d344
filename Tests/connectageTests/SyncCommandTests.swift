import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// `connectage sync` and `--from` against a throwaway PostgreSQL cluster on loopback.
@Suite(.serialized)
struct SyncCommandTests {
  /// Two sites each run a real session of the same study (virtual players, simulated diffuser),
  /// sync, and the export read back from the server is the union of the sites' own exports.
  @Test func twoSitesSyncAndTheCentralExportIsTheUnionOfTheirs() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let audio = folder.path + "/audio"
    var siteExports: [String] = []
    for (site, group, codes) in [("LYON", "G01", ["A01", "A02"]), ("PARIS", "G02", ["B01", "B02"])] {
      let db = ["--db", "\(folder.path)/\(site).sqlite"]
      for code in codes {
        try #require(
          try await CommandRun.connectage(["participants", "add", code, "--study", "demo"] + db).exitCode == 0)
      }
      try #require(
        try await CommandRun.connectage(
          ["groups", "add", group, "--study", "demo", "--members", codes.joined(separator: ",")] + db
        ).exitCode == 0)
      let run = try await CommandRun.connectage(
        [
          "run", "--headless", "--virtual-players", "2", "--diffuser", "simulated", "--group", group, "--output",
          "\(folder.path)/\(site)-sessions", "Protocols/demo.yaml",
        ] + db, environment: ["XDG_DATA_HOME": folder.path])
      try #require(run.exitCode == 0, "\(run.standardError)")
      let sync = try await CommandRun.connectage(
        ["sync", "--to", server.address, "--site", site, "--audio-to", audio] + db, environment: server.environment)
      try #require(sync.exitCode == 0, "\(sync.standardError)")
      #expect(sync.standardOutput.contains("lignes envoyées"))
      #expect(!(sync.standardOutput + sync.standardError).contains(TemporaryPostgres.password))
      let again = try await CommandRun.connectage(
        ["sync", "--to", server.address] + db, environment: server.environment)
      #expect(again.exitCode == 0)
      #expect(again.standardOutput.contains("le serveur avait déjà tout"), "\(again.standardOutput)")
      let export = "\(folder.path)/\(site)-export"
      try #require(try await CommandRun.connectage(["export", "all", "--out", export] + db).exitCode == 0)
      siteExports.append(export)
    }
    let central = "\(folder.path)/central-export"
    let export = try await CommandRun.connectage(
      ["export", "all", "--from", server.address, "--audio-from", audio, "--out", central],
      environment: server.environment)
    try #require(export.exitCode == 0, "\(export.standardError)")
    for file in ["measures.csv", "attendance.csv"] {
      #expect(
        try rows(of: "\(central)/\(file)") == siteExports.reduce([]) { $0 + (try rows(of: "\($1)/\(file)")) }.sorted())
    }
    // The event log's `sequence` numbers the log of the database exported; everything else is the sites'.
    let withoutSequence = { (path: String) throws -> [String] in
      try rows(of: path).map {
        $0.split(separator: ",", omittingEmptySubsequences: false).enumerated()
          .filter { $0.offset != 1 }.map(\.element).joined(separator: ",")
      }.sorted()
    }
    #expect(
      try withoutSequence("\(central)/events.csv")
        == siteExports.reduce([]) { $0 + (try withoutSequence("\($1)/events.csv")) }.sorted())
    for folderName in ["chat", "textgrid"] {
      let centralFiles = try files(in: "\(central)/\(folderName)")
      var siteFiles: [String: Data] = [:]
      for site in siteExports { siteFiles.merge(try files(in: "\(site)/\(folderName)")) { first, _ in first } }
      #expect(!centralFiles.isEmpty)
      #expect(centralFiles == siteFiles, "\(folderName)")
    }
    let measures = try String(contentsOfFile: "\(central)/measures.csv", encoding: .utf8)
    #expect(measures.contains(",LYON,") && measures.contains(",PARIS,"), "each answer names its site")
  }

  @Test func theSchemaCheckAndAPasswordInTheAddressAreAnswered() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let pending = try await CommandRun.connectage(
      ["sync", "--to", server.address, "--check"], environment: server.environment)
    #expect(pending.exitCode == 1)
    #expect(pending.standardOutput.contains("s1-trial-tables"))
    let secret = server.address.replacingOccurrences(of: "@", with: ":hunter2@")
    let refused = try await CommandRun.connectage(["sync", "--to", secret, "--check"])
    #expect(refused.exitCode == 2)
    #expect(refused.standardError.contains("PGPASSWORD") && !refused.standardError.contains("hunter2"))
    let wrong = try await CommandRun.connectage(
      ["sync", "--to", server.address, "--check"],
      environment: ["PGPASSWORD": "wrong-password", "HOME": "/nonexistent"])
    #expect(wrong.exitCode == 1)
    #expect(!wrong.standardError.contains("wrong-password"))
  }

  /// A sync cut at random points, by SIGKILL of the client or by the server ending its backend,
  /// then run again, leaves every table as one clean sync does.
  @Test func aSyncCutAtRandomPointsAndRunAgainEqualsACleanSync() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: .init(groups: 2, sessions: 6, seed: 9, codedSessions: 4))
    try server.psql("CREATE DATABASE reference OWNER \(TemporaryPostgres.role)")
    let reference = server.address.replacingOccurrences(of: "/trial", with: "/reference")
    let started = Date()
    let clean = try await CommandRun.connectage(
      ["sync", "--to", reference, "--site", "LYON", "--db", trial.databasePath], environment: server.environment)
    try #require(clean.exitCode == 0, "\(clean.standardError)")
    let fullSeconds = Date().timeIntervalSince(started)
    let expected = try contentHashes(server, database: "reference")
    var random = SeededGenerator(seed: 2027)
    var cuts: [String] = []
    for attempt in 1...20 {
      if attempt % 5 == 1 {
        try server.psql(
          "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION \(TemporaryPostgres.role)", database: "trial")
      }
      let delay = Double.random(in: 0.05...max(0.1, fullSeconds), using: &random)
      let bySignal = attempt % 2 == 0
      cuts.append("\(attempt): \(bySignal ? "SIGKILL" : "backend ended") after \(Int(delay * 1000)) ms")
      let child = try SyncChild(
        arguments: ["sync", "--to", server.address, "--db", trial.databasePath], environment: server.environment)
      try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
      if bySignal {
        child.kill()
      } else {
        try server.psql(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '\(TemporaryPostgres.role)'")
      }
      _ = await child.exit()
      let rerun = try await CommandRun.connectage(
        ["sync", "--to", server.address, "--db", trial.databasePath], environment: server.environment)
      try #require(rerun.exitCode == 0, "\(cuts.last!): \(rerun.standardError)")
      #expect(try contentHashes(server, database: "trial") == expected, "\(cuts.last!)")
    }
  }

  private func contentHashes(_ server: TemporaryPostgres, database: String) throws -> [String: String] {
    let tables = try server.psql(
      """
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('connectage_sync_run', 'connectage_migration') ORDER BY 1
      """, database: database
    ).split(separator: "\n").map(String.init)
    var hashes: [String: String] = [:]
    for table in tables {
      hashes[table] = try server.psql(
        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \(table) t",
        database: database)
    }
    return hashes
  }

  private func rows(of path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init).sorted()
  }

  private func files(in folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: "\(folder)/\(relative)", isDirectory: &isFolder)
      if !isFolder.boolValue { files[relative] = FileManager.default.contents(atPath: "\(folder)/\(relative)") }
    }
    return files
  }
}

/// A `connectage` child the test can kill at any moment.
private final class SyncChild: @unchecked Sendable {
  private let process = Process()
  private let ended = AsyncStream<Int32>.makeStream()

  init(arguments: [String], environment: [String: String]) throws {
    process.executableURL = CommandRun.executable
    process.arguments = arguments
    process.currentDirectoryURL = CommandRun.repositoryRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let continuation = ended.continuation
    process.terminationHandler = { continuation.yield($0.terminationStatus) }
    try process.run()
  }

  func kill() {
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
  }

  func exit() async -> Int32? {
    for await status in ended.stream { return status }
    return nil
  }
}
