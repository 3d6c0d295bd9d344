import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// `connectage sync` and `--from` against a throwaway PostgreSQL cluster on loopback.
@Suite(.serialized)
struct SyncCommandTests {
  /// Three sites each run a real session of the same study (virtual players, simulated diffuser),
  /// all three naming their group `G01`, and sync twice; the export read back from the server is
  /// the union of the sites' own exports, each site's groups, sessions and runs qualified with its
  /// code.
  @Test func threeSitesSyncAndTheCentralExportIsTheUnionOfTheirs() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let audio = folder.path + "/audio"
    var siteExports: [(site: String, folder: String, identifiers: Set<String>)] = []
    for (site, codes) in [("LYON", ["A01", "A02"]), ("PARIS", ["B01", "B02"]), ("NICE", ["C01", "C02"])] {
      let db = ["--db", "\(folder.path)/\(site).sqlite"]
      for code in codes {
        try #require(
          try await CommandRun.connectage(["participants", "add", code, "--study", "demo"] + db).exitCode == 0)
      }
      try #require(
        try await CommandRun.connectage(
          ["groups", "add", "G01", "--study", "demo", "--members", codes.joined(separator: ",")] + db
        ).exitCode == 0)
      let run = try await CommandRun.connectage(
        [
          "run", "--headless", "--virtual-players", "2", "--diffuser", "simulated", "--group", "G01", "--output",
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
      let database = try SessionDatabase(path: "\(folder.path)/\(site).sqlite")
      // Runs (G01-S01-20270114T093000-3fa9c2), the sessions they are runs of (G01-S01), the group.
      let runs = try database.sessions.fetchAll().map(\.id.rawValue)
      let planned = runs.map { $0.split(separator: "-").dropLast(2).joined(separator: "-") }
      siteExports.append((site, export, Set(runs + planned + ["G01"])))
    }
    let central = "\(folder.path)/central-export"
    let export = try await CommandRun.connectage(
      ["export", "all", "--from", server.address, "--audio-from", audio, "--out", central],
      environment: server.environment)
    try #require(export.exitCode == 0, "\(export.standardError)")
    // What a site calls G01 (its group), G01-S01 (a session planned for it) or G01-S01-…-3fa9c2 (a
    // run), the server calls SITE-G01…; a trial (G01-S01-T1) or a file name keeps its name.
    let qualified = { (text: String, site: String, identifiers: Set<String>) -> String in
      var result = ""
      var token = ""
      for character in text + "\n" {
        if character.isLetter || character.isNumber || character == "-" {
          token.append(character)
          continue
        }
        result += identifiers.contains(token) ? "\(site)-\(token)" : token
        result.append(character)
        token = ""
      }
      return String(result.dropLast())
    }
    let union = { (file: String, read: (String) throws -> [String]) throws -> [String] in
      try siteExports.flatMap { site, folder, identifiers in
        try read("\(folder)/\(file)").map { qualified($0, site, identifiers) }
      }.sorted()
    }
    for file in ["measures.csv", "attendance.csv"] {
      #expect(try rows(of: "\(central)/\(file)") == union(file, rows(of:)))
    }
    // The event log's `sequence` numbers the log of the database exported; everything else is the sites'.
    let withoutSequence = { (path: String) throws -> [String] in
      try rows(of: path).map {
        $0.split(separator: ",", omittingEmptySubsequences: false).enumerated()
          .filter { $0.offset != 1 }.map(\.element).joined(separator: ",")
      }.sorted()
    }
    #expect(try withoutSequence("\(central)/events.csv") == union("events.csv", withoutSequence))
    for folderName in ["chat", "textgrid"] {
      let centralFiles = try files(in: "\(central)/\(folderName)")
      var siteFiles: [String: String] = [:]
      for (site, export, identifiers) in siteExports {
        for (name, content) in try files(in: "\(export)/\(folderName)") {
          siteFiles[qualified(name, site, identifiers)] = qualified(
            String(decoding: content, as: UTF8.self), site, identifiers)
        }
      }
      #expect(!centralFiles.isEmpty)
      #expect(centralFiles.mapValues { String(decoding: $0, as: UTF8.self) } == siteFiles, "\(folderName)")
    }
    let measures = try String(contentsOfFile: "\(central)/measures.csv", encoding: .utf8)
    #expect(
      ["LYON", "PARIS", "NICE"].allSatisfy { measures.contains(",\($0),") && measures.contains("\($0)-G01-S01-") },
      "each answer names its site and its site's run")
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
    let misspelt = try await CommandRun.connectage(["sync", "--to", "postgre://site:hunter2@db/trial", "--check"])
    #expect(misspelt.exitCode == 2)
    #expect(misspelt.standardError.contains("postgre://site@db/trial") && !misspelt.standardError.contains("hunter2"))
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
    let expected = try server.contentHashes(of: "reference")
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
      #expect(try server.contentHashes(of: "trial") == expected, "\(cuts.last!)")
    }
  }

  private func rows(of path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init).sorted()
  }

  private func files(in folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(folder)/\(relative)", isDirectory: &isFolder)
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
