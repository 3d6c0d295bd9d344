import Foundation
import Research
import SessionModel
import Store
import TestSupport
import Testing

@testable import Sync

/// What leaves a site names no person and no machine: event payloads go through the export's
/// redaction rule and recordings travel by file name, and the central trial still finds its audio.
@Suite(.serialized)
struct RedactedSyncTests {
  /// A site whose recordings live under a person's home folder, and whose log holds that folder,
  /// a diffuser's Bluetooth address and an error message naming a file there.
  struct IdentifyingSite {
    let trial: SyntheticTrial
    let database: SessionDatabase
    /// The folder standing for `/home/Marie Dupont`, outside the study's folder.
    let home: URL
    /// What must never reach the server.
    var secrets: [String] { [home.path, "Marie Dupont", "Marie", "00:1A:7D:DA:71:13"] }

    init() throws {
      trial = try SyntheticTrial(design: SiteSyncTests.small)
      home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)/Marie Dupont")
      database = try SessionDatabase(path: trial.databasePath)
      var statements: [String] = []
      for (index, recording) in try database.recordings.fetchAll().enumerated() {
        let site = database.recordingFile(atStoredPath: recording.path)
        let file = home.appendingPathComponent("ESPOIR/\(recording.session.rawValue)/\(site.lastPathComponent)")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let audio = Data("RIFF answer \(index)".utf8)
        try audio.write(to: file)
        for fileExtension in ["cha", "TextGrid", "json", "txt"] {
          let transcript = site.deletingPathExtension().appendingPathExtension(fileExtension)
          guard FileManager.default.fileExists(atPath: transcript.path) else { continue }
          try FileManager.default.moveItem(
            at: transcript, to: file.deletingPathExtension().appendingPathExtension(fileExtension))
        }
        statements.append(
          """
          UPDATE recording SET path = '\(file.path)', sha256 = '\(Store.SHA256.hexDigest(of: audio))'
          WHERE session_id = '\(recording.session.rawValue)' AND trial_id = '\(recording.trial.rawValue)'
            AND participant_code = '\(recording.participant.rawValue)';
          """)
      }
      // Logged in the last event's session, just after it.
      for (type, payload) in Self.events(home: home.path) {
        statements.append(
          """
          INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
            SELECT session_id, monotonic_ns + 1, wall_clock, '\(type)',
              '\(payload.replacingOccurrences(of: "'", with: "''"))', schema_version
            FROM event ORDER BY sequence DESC LIMIT 1;
          """)
      }
      let result = try SQLiteShell.run(statements.joined(separator: "\n"), on: trial.databasePath)
      try #require(result.status == 0, "\(result.output)")
    }

    /// The events the site logs, and what the server must hold of each.
    static func events(home: String) -> [(type: String, payload: String)] {
      [
        ("runner.started", #"{"diffuser":"rfcomm:00:1A:7D:DA:71:13","output":"\#(home)/ESPOIR","seed":"7"}"#),
        ("scent.refused", #"{"reason":"no answer from 00:1a:7d:da:71:13 after 3 s","scent":"pomme","trial":"T1"}"#),
        (
          "recording.failed",
          #"{"reason":"cannot write '\#(home)/ESPOIR/S01-T1-player1-turn1.wav': disk full","trial":"T1"}"#
        ),
      ]
    }

    static let redactedEvents = [
      #"{"diffuser":"rfcomm","output":"[redacted]","seed":"7"}"#,
      #"{"reason":"no answer from [redacted] after 3 s","scent":"pomme","trial":"T1"}"#,
      #"{"reason":"cannot write '…/S01-T1-player1-turn1.wav': disk full","trial":"T1"}"#,
    ]

    func remove() {
      trial.remove()
      try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
    }
  }

  @Test func noHomeFolderDeviceAddressOrPathReachesTheServerAndTheTrialStillFindsItsAudio() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let site = try IdentifyingSite()
    defer { site.remove() }
    let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: sandbox) }
    let audio = AudioStore(root: sandbox.appendingPathComponent("audio"))
    let first = try await push(site.database, to: server, site: "LYON", audio: audio)
    let recordings = try site.database.recordings.fetchAll()
    #expect(first.audioCopied == recordings.count)

    // The server's rows, read directly: none of the details, anywhere.
    let held = try serverText(server).lowercased()
    for secret in site.secrets { #expect(!held.contains(secret.lowercased()), "\(secret)") }
    #expect(!held.contains("/home"))
    let payloads = try server.psql(
      """
      SELECT string_agg(payload, E'\\n' ORDER BY sequence) FROM event
      WHERE site = 'LYON' AND type IN ('runner.started', 'scent.refused', 'recording.failed')
        AND sequence > (SELECT max(sequence) - 3 FROM event WHERE site = 'LYON')
      """, database: TemporaryPostgres.database)
    #expect(payloads.split(separator: "\n").map(String.init) == IdentifyingSite.redactedEvents)
    #expect(
      try server.psql("SELECT count(*) FROM recording WHERE path LIKE '%/%'", database: TemporaryPostgres.database)
        == "0")
    // The site's own file keeps everything.
    #expect(try site.database.eventLog.allEvents().last?.event.payload["reason"]?.contains(site.home.path) == true)

    // Hashed as sent: a second sync sends nothing.
    let second = try await push(site.database, to: server, site: nil, audio: audio)
    #expect(second.totalRowsSent == 0 && second.rowsRemoved.isEmpty)

    // Read back, each recording is found by its checksum, with its transcripts beside it, as
    // `export --from` and `review --from` find them.
    let central = try await Synchronisation.assemble(
      from: try ServerAddress(server.address), password: TemporaryPostgres.password,
      into: sandbox.appendingPathComponent("trial/trial.sqlite").path, audioStore: audio)
    let local = recordings
    let placed = Dictionary(
      uniqueKeysWithValues: try central.recordings.fetchAll().map { ($0.answer, $0) })
    #expect(placed.count == local.count)
    for recording in local {
      let qualified = AnswerKey(
        session: SessionID(rawValue: "LYON-" + recording.session.rawValue), trial: recording.trial,
        participant: recording.participant)
      let there = try #require(placed[qualified])
      #expect(!there.path.contains("Marie"))
      #expect(
        FileManager.default.contents(atPath: central.recordingFile(atStoredPath: there.path).path)
          == FileManager.default.contents(atPath: recording.path), "\(there.path)")
    }
    let transcripts = try ExportSnapshot.load(from: central, transcripts: true).transcripts
    let siteTranscripts = try ExportSnapshot.load(from: site.database, transcripts: true).transcripts
    #expect(!siteTranscripts.isEmpty)
    #expect(transcripts.count == siteTranscripts.count)
  }

  /// A server that received a site's rows before sync redacted them holds their home folders and
  /// device addresses; migration `s5-redacted-rows` redacts them in place with the same rule, so
  /// that the server ends exactly as a clean sync leaves a new one, and the next sync sends nothing.
  @Test func aServerHoldingRowsSentBeforeRedactionIsCleanedAsACleanSyncLeavesIt() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let site = try IdentifyingSite()
    defer { site.remove() }
    // Runs started again and again: more events holding a home folder than the cleaning reads at once.
    let copies = try SQLiteShell.run(
      """
      WITH RECURSIVE copy(number) AS (SELECT 1 UNION ALL SELECT number + 1 FROM copy WHERE number < \(ServerRedaction.pageSize))
      INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
        SELECT session_id, monotonic_ns + number, wall_clock, type, payload, schema_version
        FROM copy, (SELECT * FROM event WHERE type = 'runner.started' ORDER BY sequence DESC LIMIT 1)
      """, on: site.trial.databasePath)
    try #require(copies.status == 0, "\(copies.output)")
    _ = try await push(site.database, to: server, site: "LYON", audio: nil)
    let clean = try server.contentHashes(of: TemporaryPostgres.database)
    // Back to what the fourth schema held: the rows as the site wrote them, each mirrored row with
    // the hash the sync of that version computed. These payloads name no session, so qualifying
    // them changes nothing.
    var statements = ["ALTER TABLE event DISABLE TRIGGER event_is_append_only"]
    for (sent, redacted) in zip(IdentifyingSite.events(home: site.home.path), IdentifyingSite.redactedEvents) {
      statements.append(
        "UPDATE event SET payload = $raw$\(sent.payload)$raw$ WHERE site = 'LYON' AND payload = $raw$\(redacted)$raw$")
    }
    statements.append("ALTER TABLE event ENABLE TRIGGER event_is_append_only")
    let recording = try #require(ReplicatedTable.named("recording"))
    let path = recording.position(of: "path")
    for row in try site.database.replicaRows(of: recording).map({ $0.qualified(at: "LYON", in: recording) }) {
      let answer = ["session_id", "trial_id", "participant_code"].enumerated().map { offset, column in
        "\(column) = '\(row.values[offset].sqlText!)'"
      }
      statements.append(
        """
        UPDATE recording SET path = $raw$\(row.values[path].sqlText!)$raw$, row_hash = '\(RowEncoding.hash(row))'
        WHERE site = 'LYON' AND \(answer.joined(separator: " AND "))
        """)
    }
    statements.append("DELETE FROM connectage_migration WHERE name = 's5-redacted-rows'")
    try server.psql(statements.joined(separator: ";\n"), database: TemporaryPostgres.database)
    #expect(
      try server.psql(
        "SELECT count(*) FROM event WHERE payload LIKE '%Marie Dupont%'", database: TemporaryPostgres.database)
        == String(ServerRedaction.pageSize + 2))
    #expect(try serverText(server).contains("Marie Dupont"))
    #expect(try server.contentHashes(of: TemporaryPostgres.database) != clean)

    let connection = try await ServerConnection.open(
      try ServerAddress(server.address), password: TemporaryPostgres.password)
    try await ServerSchema.migrate(connection)
    await connection.close()
    let held = try serverText(server).lowercased()
    for secret in site.secrets { #expect(!held.contains(secret.lowercased()), "\(secret)") }
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == clean)
    #expect(try await push(site.database, to: server, site: nil, audio: nil).totalRowsSent == 0)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == clean)
  }

  /// Every row of every table a sync writes, as text.
  private func serverText(_ server: TemporaryPostgres) throws -> String {
    try (ReplicatedTable.catalogue + [FilesBesideRecordings.table]).map { table in
      try server.psql(
        "SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \(table.name) t", database: TemporaryPostgres.database)
    }.joined(separator: "\n")
  }

  private func push(_ database: SessionDatabase, to server: TemporaryPostgres, site: SiteID?, audio: AudioStore?)
    async throws -> SyncSummary
  {
    try await Synchronisation.push(
      database, to: try ServerAddress(server.address), password: TemporaryPostgres.password, site: site,
      audioStore: audio)
  }
}
