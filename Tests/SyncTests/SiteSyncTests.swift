import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Sync

/// A site's database pushed to a real PostgreSQL cluster (initdb in a temporary folder, loopback),
/// and read back.
@Suite(.serialized)
struct SiteSyncTests {
  static let small = SyntheticTrial.Design(groups: 2, patientsPerGroup: 4, sessions: 3, seed: 3, codedSessions: 2)

  @Test func aSecondSyncSendsNothingAndTheServerHoldsEveryRowOnce() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: Self.small)
    let database = try SessionDatabase(path: trial.databasePath)
    let first = try await push(database, to: server, site: "LYON")
    #expect(first.rowsSent["event", default: 0] > 100)
    #expect(first.rowsSent["answer_measures", default: 0] == 2 * 4 * 3 * 6 - absences(in: trial))
    let second = try await push(database, to: server, site: nil)
    #expect(second.totalRowsSent == 0)
    #expect(second.rowsRemoved.isEmpty)
    for table in ReplicatedTable.catalogue {
      let local = try database.replicaRows(of: table).count
      let stored = try server.psql(
        "SELECT count(*) FROM \(table.name) WHERE site = 'LYON'", database: TemporaryPostgres.database)
      #expect(Int(stored) == local, "\(table.name)")
    }
  }

  @Test func theTrialReadBackHoldsTheSitesRowsWithTheirSite() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let lyon = try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("L")).databasePath)
    let paris = try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("P")).databasePath)
    _ = try await push(lyon, to: server, site: "LYON")
    _ = try await push(paris, to: server, site: "PARIS")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let central = try await Synchronisation.assemble(
      from: try ServerAddress(server.address), password: TemporaryPostgres.password,
      into: folder.appendingPathComponent("trial.sqlite").path, audioStore: nil)
    for table in ReplicatedTable.catalogue {
      // Rows as read back: without the local cursor, with sessions and groups qualified with the
      // site's code, redacted, and each recording under the site's folder and its answer's.
      let readBack = { (rows: [ReplicaRow], site: SiteID?) -> Set<[ReplicaValue]> in
        Set(
          rows.map { row in
            let row = site.map { row.qualified(at: $0, in: table).redacted(in: table) } ?? row
            return table.columns.indices.filter { table.columns[$0].name != table.cursor }.map { index in
              guard let site, table.name == "recording", table.columns[index].name == "path",
                case .text(let path) = row.values[index]
              else { return row.values[index] }
              let answer = row.values[0..<3].map { $0.sqlText ?? "" }
              return .text(([site.rawValue] + answer + [path]).joined(separator: "/"))
            }
          })
      }
      let union = readBack(try lyon.replicaRows(of: table), "LYON").union(
        readBack(try paris.replicaRows(of: table), "PARIS"))
      let read = readBack(try central.replicaRows(of: table), nil)
      if table.name == "study" || table.name == "coder" {
        #expect(read.isSubset(of: union), "\(table.name)")
      } else {
        #expect(read == union, "\(table.name)")
      }
    }
    let sessions = try central.sessions.fetchAll()
    #expect(!sessions.isEmpty)
    #expect(try central.participants.fetch(#require(ParticipantCode(rawValue: "LG1-P01"))) != nil)
  }

  @Test func aParticipantCodeAnotherSiteOwnsIsRefusedNamingBothSites() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let lyon = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    let paris = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    _ = try await push(lyon, to: server, site: "LYON")
    let refusal = await #expect(throws: SyncError.self) { try await push(paris, to: server, site: "PARIS") }
    guard case .claimedByAnotherSite(let what, let key, let owner, let claimant) = refusal else {
      Issue.record("expected a claim refusal, got \(String(describing: refusal))")
      return
    }
    #expect(what == "participant" && key == "G1-P01" && owner == "LYON" && claimant == "PARIS")
    #expect(refusal?.message.french.contains("LYON") == true && refusal?.message.french.contains("PARIS") == true)
    let sent = try server.psql(
      "SELECT (SELECT count(*) FROM event WHERE site = 'PARIS') + (SELECT count(*) FROM session WHERE site = 'PARIS')",
      database: TemporaryPostgres.database)
    #expect(sent == "0")
  }

  @Test func changesAreMirroredAndConsensusKeepsItsHistory() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: Self.small)
    let database = try SessionDatabase(path: trial.databasePath)
    let answer = try #require(try database.measures.fetchAll().first).answer
    let key =
      "session_id = '\(answer.session)' AND trial_id = '\(answer.trial)' AND participant_code = '\(answer.participant)'"
    let serverKey = key.replacingOccurrences(of: "'\(answer.session)'", with: "'LYON-\(answer.session)'")
    let members = try database.replicaRows(of: ReplicatedTable.named("group_member")!).count
    try SQLiteShell.run(
      """
      INSERT OR IGNORE INTO coder (code, added_at) VALUES ('ORT1', '2027-01-20T10:00:00Z');
      INSERT INTO consensus VALUES ('\(answer.session)', '\(answer.trial)', '\(answer.participant)', 'memories', 2,
        'ORT1', '2027-01-20T10:00:00Z');
      """, on: trial.databasePath)
    _ = try await push(database, to: server, site: "LYON")
    try SQLiteShell.run(
      """
      UPDATE answer_measures SET words = 999 WHERE \(key);
      UPDATE consensus SET value = 3, recorded_at = '2027-01-21T09:00:00Z' WHERE \(key);
      DELETE FROM group_member WHERE rowid = (SELECT max(rowid) FROM group_member);
      """, on: trial.databasePath)
    let summary = try await push(database, to: server, site: nil)
    #expect(summary.rowsSent == ["answer_measures": 1, "consensus": 1])
    #expect(summary.rowsRemoved == ["group_member": 1])
    let trialDatabase = TemporaryPostgres.database
    #expect(
      try server.psql("SELECT words FROM answer_measures WHERE site = 'LYON' AND \(serverKey)", database: trialDatabase)
        == "999")
    #expect(try server.psql("SELECT count(*) FROM group_member", database: trialDatabase) == "\(members - 1)")
    #expect(
      try server.psql(
        "SELECT string_agg(value::text, ',' ORDER BY recorded_at) FROM consensus WHERE \(serverKey)",
        database: trialDatabase)
        == "2,3")
    // The server refuses to rewrite what is append-only, whoever asks.
    #expect(throws: (any Error).self) { try server.psql("UPDATE event SET type = 'x'", database: trialDatabase) }
    #expect(throws: (any Error).self) { try server.psql("DELETE FROM consensus", database: trialDatabase) }
    // Read back, each answer has its latest consensus, as the site has.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let central = try await Synchronisation.assemble(
      from: try ServerAddress(server.address), password: TemporaryPostgres.password,
      into: folder.appendingPathComponent("trial.sqlite").path, audioStore: nil)
    let consensus = ReplicatedTable.named("consensus")!
    #expect(
      try central.replicaRows(of: consensus)
        == database.replicaRows(of: consensus).map {
          $0.qualified(at: "LYON", in: consensus)
        })
  }

  @Test func theSchemaCheckSaysWhatDiffers() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let address = try ServerAddress(server.address)
    let empty = try await Synchronisation.check(address, password: TemporaryPostgres.password)
    #expect(
      empty.pending == [
        "s1-trial-tables", "s2-site-qualified-identifiers", "s3-attendance-source", "s4-transcript-file-bytes",
        "s5-redacted-rows",
      ])
    _ = try await push(
      try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath), to: server, site: "LYON")
    let current = try await Synchronisation.check(address, password: TemporaryPostgres.password)
    #expect(current.isCurrent, "\(current.differences)")
    try server.psql(
      "ALTER TABLE answer_measures DROP COLUMN ideas_n; ALTER TABLE trial ADD COLUMN note text",
      database: TemporaryPostgres.database)
    let drifted = try await Synchronisation.check(address, password: TemporaryPostgres.password)
    #expect(
      drifted.differences == [
        "column trial.note is not in this ConnectAge's catalogue", "column answer_measures.ideas_n is missing",
      ])
    try server.psql(
      "INSERT INTO connectage_migration (name) VALUES ('s9-from-the-future')", database: TemporaryPostgres.database)
    await #expect(throws: SyncError.serverIsNewer(["s9-from-the-future"])) {
      try await push(
        try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath), to: server, site: "LYON")
    }
  }

  /// Two sites running the same protocol name their groups and sessions alike (`G1`, `G1-S1`…):
  /// the server holds each qualified with its site, so both are kept, side by side.
  @Test func twoSitesNamingTheirGroupsAndSessionsAlikeAreBothKept() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    // Participants are the study's and must differ; groups and sessions are named alike.
    var paris = Self.small
    paris.participantPrefix = "P"
    let lyonDatabase = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    let parisDatabase = try SessionDatabase(path: try SyntheticTrial(design: paris).databasePath)
    let lyonSessions = Set(try lyonDatabase.sessions.fetchAll().map(\.id.rawValue))
    #expect(lyonSessions == Set(try parisDatabase.sessions.fetchAll().map(\.id.rawValue)))
    _ = try await push(lyonDatabase, to: server, site: "LYON")
    _ = try await push(parisDatabase, to: server, site: "PARIS")
    let stored = try server.psql(
      "SELECT string_agg(id, ',' ORDER BY id) FROM session WHERE site = 'PARIS'", database: TemporaryPostgres.database)
    #expect(stored.split(separator: ",").map(String.init) == lyonSessions.map { "PARIS-\($0)" }.sorted())
    #expect(
      try server.psql(
        "SELECT count(DISTINCT site) FROM answer_measures WHERE session_id LIKE '%-G1-%'",
        database: TemporaryPostgres.database) == "2")
  }

  /// A second installation (another laptop, a copy of the software on a new database) given a
  /// site code that another installation already syncs under is refused before anything is sent.
  @Test func aSecondInstallationUnderTheSameSiteCodeIsRefused() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let first = try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("A")).databasePath)
    let second = try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("B")).databasePath)
    _ = try await push(first, to: server, site: "LYON")
    let before = try server.contentHashes(of: TemporaryPostgres.database)
    await #expect(throws: SyncError.siteHeldByAnotherInstallation(site: "LYON")) {
      try await push(second, to: server, site: "LYON")
    }
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == before)
    // The installation that holds the code goes on syncing.
    #expect(try await push(first, to: server, site: nil).totalRowsSent == 0)
  }

  /// A server a site synchronised to under the first schema, with its sessions and groups as the
  /// site named them, is brought to qualified identifiers by the next sync, which then leaves it
  /// exactly as a clean sync leaves a new server.
  @Test func aServerOfTheFirstSchemaEndsAsACleanSyncLeavesANewOne() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let database = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    _ = try await push(database, to: server, site: "LYON")
    let clean = try server.contentHashes(of: TemporaryPostgres.database)
    // Back to what the first schema held: identifiers as the site named them, no s2.
    let unqualify = { (column: String) in "\(column) = substr(\(column), length(site) + 2)" }
    var statements = [
      "UPDATE participant_group SET \(unqualify("id"))", "UPDATE group_member SET \(unqualify("group_id"))",
      "UPDATE session SET \(unqualify("id")), \(unqualify("group_id"))",
      "UPDATE attendance SET \(unqualify("group_id")), made_up_in = nullif(substr(made_up_in, length(site) + 2), '')",
    ]
    for table in ["trial", "recording", "answer_measures", "answer_revision", "transcript_file"] {
      statements.append("UPDATE \(table) SET \(unqualify("session_id"))")
    }
    for table in ["memory_coding", "reviewed_transcript", "reviewed_timing", "consensus", "event"] {
      statements += [
        "ALTER TABLE \(table) DISABLE TRIGGER \(table)_is_append_only",
        "UPDATE \(table) SET \(unqualify("session_id"))"
          + (table == "event"
            ? #", payload = replace(replace(payload, '"session":"LYON-', '"session":"'), '"group":"LYON-', '"group":"')"#
            : ""),
        "ALTER TABLE \(table) ENABLE TRIGGER \(table)_is_append_only",
      ]
    }
    statements += [
      "DROP TABLE connectage_site", "DROP FUNCTION connectage_qualified",
      "DELETE FROM connectage_migration WHERE name = 's2-site-qualified-identifiers'",
    ]
    try server.psql(statements.joined(separator: ";\n"), database: TemporaryPostgres.database)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) != clean)
    let summary = try await push(database, to: server, site: nil)
    #expect(summary.rowsSent["event", default: 0] == 0 && summary.rowsSent["memory_coding", default: 0] == 0)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == clean)
  }

  /// A server that received attendance before it said who recorded each status gains the column,
  /// and the next sync sends those rows again with it: the server ends as a clean sync leaves a new one.
  @Test func aServerOfTheSecondSchemaLearnsWhoRecordedEachAttendance() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let database = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    let group = try #require(try database.groups.fetchAll().first)
    try database.attendance.record(
      Attendance(
        study: SyntheticTrial.study, group: group.id, sessionNumber: 1, participant: group.members[0], status: .present,
        recordedBy: .recovery))
    _ = try await push(database, to: server, site: "LYON")
    let clean = try server.contentHashes(of: TemporaryPostgres.database)
    // Back to the second schema: no column, and each row's hash as that schema's sync computed it.
    try server.psql(
      """
      ALTER TABLE attendance DROP COLUMN recorded_by;
      UPDATE attendance SET row_hash = 'hashed without recorded_by';
      DELETE FROM connectage_migration WHERE name = 's3-attendance-source'
      """, database: TemporaryPostgres.database)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) != clean)
    let summary = try await push(database, to: server, site: nil)
    #expect(summary.rowsSent["attendance", default: 0] == 1)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == clean)
  }

  @Test func aSiteWithTheDocumentedLeastRightsRoleSyncs() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    // The owner prepares the schema with a first sync; a site role then has only the rights
    // docs/multi-centre.md grants.
    _ = try await push(
      try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("A")).databasePath), to: server,
      site: "ADMIN")
    let grants = try String(contentsOfFile: "docs/multi-centre-role.sql", encoding: .utf8)
      .replacingOccurrences(of: "CHANGE-ME", with: "site-secret")
    try server.psql(grants, database: TemporaryPostgres.database)
    let site = try ServerAddress("postgres://connectage_site@127.0.0.1:\(server.port)/\(TemporaryPostgres.database)")
    let summary = try await Synchronisation.push(
      try SessionDatabase(path: try SyntheticTrial(design: Self.small.prefixed("B")).databasePath), to: site,
      password: "site-secret", site: "NANTES", audioStore: nil)
    #expect(summary.totalRowsSent > 0)
    #expect(throws: (any Error).self) {
      try server.psql("SET ROLE connectage_site; CREATE TABLE intruder (x int)", database: TemporaryPostgres.database)
    }
  }

  /// The server holds whatever was written under a site's role. A recording path that climbs out
  /// of the site's folder, a checksum that is a path into the audio store's parent, or a transcript
  /// of a kind no site keeps (a `.desktop` file, which a desktop session runs) refuses the read-back,
  /// naming the site and the file, and nothing is written or linked.
  @Test func aSitesRowNamingAFileOutsideTheTrialsFolderRefusesTheReadBack() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    _ = try await push(
      try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath), to: server, site: "LYON")
    let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: sandbox) }
    // The trial is read three folders down: `../../../escaped` from the site's folder is `a/escaped`.
    let folder = sandbox.appendingPathComponent("a/b/c")
    let escaped = sandbox.appendingPathComponent("a/escaped")
    let audio = AudioStore(root: sandbox.appendingPathComponent("audio"))
    // `./../secret` names `secret.wav` beside the store, a file the link would expose.
    let secret = audio.file(for: "./../secret")
    try FileManager.default.createDirectory(at: audio.root, withIntermediateDirectories: true)
    try Data("not a recording".utf8).write(to: secret)
    // An answer with a transcript beside its recording.
    let answer = """
      (session_id, trial_id, participant_code) =
        (SELECT session_id, trial_id, participant_code FROM transcript_file ORDER BY 1, 2, 3 LIMIT 1)
      """
    let stored = try server.psql("SELECT path FROM recording WHERE \(answer)", database: TemporaryPostgres.database)
    let sha256 = try server.psql("SELECT sha256 FROM recording WHERE \(answer)", database: TemporaryPostgres.database)
    let answerFolder = try server.psql(
      "SELECT concat_ws('/', site, session_id, trial_id, participant_code) FROM recording WHERE \(answer)",
      database: TemporaryPostgres.database)
    let placed = answerFolder + "/" + stored
    let recording = folder.appendingPathComponent(placed)
    let desktop = recording.deletingPathExtension().appendingPathExtension("desktop")
    let cases: [(tamper: String, refusal: SyncError)] = [
      (
        "UPDATE recording SET path = '../../../escaped/x.wav' WHERE \(answer)",
        .unsafeFileFromSite(site: "LYON", table: "recording", value: "../../../escaped/x.wav")
      ),
      (
        "UPDATE recording SET sha256 = './../secret' WHERE \(answer)",
        .unsafeFileFromSite(site: "LYON", table: "recording", value: "sha256 ./../secret")
      ),
      (
        "UPDATE transcript_file SET extension = 'desktop' WHERE \(answer)",
        .unsafeFileFromSite(
          site: "LYON", table: "transcript_file", value: String(placed.dropLast(4)) + ".desktop")
      ),
    ]
    for (tamper, refusal) in cases {
      try server.psql(tamper, database: TemporaryPostgres.database)
      await #expect(throws: refusal) {
        try await Synchronisation.assemble(
          from: try ServerAddress(server.address), password: TemporaryPostgres.password,
          into: folder.appendingPathComponent("trial.sqlite").path, audioStore: audio)
      }
      #expect(refusal.isBadInput, "exit 2")
      #expect(!FileManager.default.fileExists(atPath: escaped.path), "\(tamper)")
      #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: recording.path)) == nil, "\(tamper)")
      #expect(!FileManager.default.fileExists(atPath: desktop.path), "\(tamper)")
      try server.psql(
        """
        UPDATE recording SET path = '\(stored)', sha256 = '\(sha256)' WHERE \(answer);
        UPDATE transcript_file SET extension = 'txt' WHERE \(answer)
        """, database: TemporaryPostgres.database)
    }
  }

  /// A site's database restored from a backup taken before its last sync lacks what that sync
  /// sent. Pushed, it would remove the rows sent since from the server, and the events it records
  /// next, numbered again from the backup's, would never be sent: it is refused before anything is
  /// written or removed, just restored and once it has recorded more, in French first.
  @Test func aDatabaseRestoredFromABackupOlderThanTheLastSyncIsRefused() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: Self.small)
    let database = try SessionDatabase(path: trial.databasePath)
    _ = try await push(database, to: server, site: "LYON")
    let backup = trial.databasePath + ".backup"
    try #require(try SQLiteShell.run(".backup '\(backup)'", on: trial.databasePath).status == 0)
    // What the site records after the backup, each time numbered from the same place.
    let recorded = { (shift: Int, path: String) throws in
      let result = try SQLiteShell.run(
        """
        INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
          SELECT session_id, monotonic_ns + \(shift), wall_clock, type, payload, schema_version
          FROM (SELECT * FROM event ORDER BY sequence DESC LIMIT 3) ORDER BY sequence;
        INSERT INTO coder (code, added_at) VALUES ('AFTER\(shift)', '2027-03-01T10:00:00Z');
        """, on: path)
      try #require(result.status == 0, "\(result.output)")
    }
    try recorded(1_000, trial.databasePath)
    _ = try await push(database, to: server, site: nil)
    let sent = try server.contentHashes(of: TemporaryPostgres.database)
    let runs = try server.psql("SELECT count(*) FROM connectage_sync_run", database: TemporaryPostgres.database)
    let restored = try SessionDatabase(path: backup)
    let highest = try server.psql(
      "SELECT max(sequence) FROM event WHERE site = 'LYON'", database: TemporaryPostgres.database)
    let older = await #expect(throws: SyncError.self) { try await push(restored, to: server, site: nil) }
    #expect(
      older == .olderThanServer(site: "LYON", table: "event", cursor: try #require(Int64(highest)), isMissing: true))
    try recorded(2_000, backup)
    let numberedAgain = await #expect(throws: SyncError.self) { try await push(restored, to: server, site: nil) }
    #expect(
      numberedAgain
        == .olderThanServer(site: "LYON", table: "event", cursor: try #require(Int64(highest)), isMissing: false))
    #expect(numberedAgain?.isBadInput == true)
    #expect(numberedAgain?.message.french.contains("plus ancienne") == true)
    #expect(numberedAgain?.message.english.contains("restoring a backup") == true)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == sent)
    #expect(
      try server.psql("SELECT count(*) FROM connectage_sync_run", database: TemporaryPostgres.database) == runs)
    // The latest database goes on syncing.
    #expect(try await push(database, to: server, site: nil).totalRowsSent == 0)
  }

  /// Praat writes a TextGrid in UTF-16 when it holds more than ASCII, and SpeechKit reads it so:
  /// the file reaches the server and comes back beside its recording byte for byte.
  @Test func aUTF16TextGridComesBackByteForByte() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: Self.small)
    let database = try SessionDatabase(path: trial.databasePath)
    let recording = try #require(try database.recordings.fetchAll().first)
    let text = """
      File type = "ooTextFile"
      Object class = "TextGrid"

      xmin = 0
      xmax = 2.5
      tiers? <exists>
      size = 1
      item []:
          item [1]:
              class = "IntervalTier"
              name = "transcription"
              xmin = 0
              xmax = 2.5
              intervals: size = 1
              intervals [1]:
                  xmin = 0
                  xmax = 2.5
                  text = "la crème brûlée de ma grand-mère"

      """
    let bytes = Data([0xFE, 0xFF]) + Data(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    let site = database.recordingFile(atStoredPath: recording.path).deletingPathExtension()
    try bytes.write(to: site.appendingPathExtension("TextGrid"))
    _ = try await push(database, to: server, site: "LYON")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let central = try await Synchronisation.assemble(
      from: try ServerAddress(server.address), password: TemporaryPostgres.password,
      into: folder.appendingPathComponent("trial.sqlite").path, audioStore: nil)
    let answer = [
      "LYON", "LYON-" + recording.session.rawValue, recording.trial.rawValue, recording.participant.rawValue,
    ]
    let placed = central.recordingFile(
      atStoredPath: (answer + [URL(fileURLWithPath: recording.path).lastPathComponent]).joined(separator: "/")
    ).deletingPathExtension()
    #expect(FileManager.default.contents(atPath: placed.appendingPathExtension("TextGrid").path) == bytes)
    // The UTF-8 text beside it too.
    #expect(
      FileManager.default.contents(atPath: placed.appendingPathExtension("txt").path)
        == FileManager.default.contents(atPath: site.appendingPathExtension("txt").path))
  }

  /// A server that held transcript files as text before they were sent as bytes has them encoded
  /// in place, and the next sync leaves it exactly as a clean sync leaves a new server.
  @Test func aServerOfTheThirdSchemaKeepsItsTranscriptsAsBytes() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let database = try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath)
    let sent = try await push(database, to: server, site: "LYON")
    let clean = try server.contentHashes(of: TemporaryPostgres.database)
    let files = """
      SELECT md5(string_agg(content_base64, ',' ORDER BY session_id, trial_id, participant_code, extension))
      FROM transcript_file
      """
    let bytes = try server.psql(files, database: TemporaryPostgres.database)
    // Back to the third schema: the files as text, each row's hash as that schema's sync computed it.
    try server.psql(
      """
      ALTER TABLE transcript_file ADD COLUMN content text;
      UPDATE transcript_file SET content = convert_from(decode(content_base64, 'base64'), 'UTF8'),
        row_hash = 'hashed with the text';
      ALTER TABLE transcript_file ALTER COLUMN content SET NOT NULL;
      ALTER TABLE transcript_file DROP COLUMN content_base64;
      DELETE FROM connectage_migration WHERE name = 's4-transcript-file-bytes'
      """, database: TemporaryPostgres.database)
    #expect(try server.contentHashes(of: TemporaryPostgres.database) != clean)
    let connection = try await ServerConnection.open(
      try ServerAddress(server.address), password: TemporaryPostgres.password)
    try await ServerSchema.migrate(connection)
    await connection.close()
    #expect(try server.psql(files, database: TemporaryPostgres.database) == bytes)
    let summary = try await push(database, to: server, site: nil)
    #expect(summary.rowsSent == ["transcript_file": sent.rowsSent["transcript_file", default: 0]])
    #expect(try server.contentHashes(of: TemporaryPostgres.database) == clean)
  }

  /// The event log is read back a page at a time, in each site's order: a site's log longer than a
  /// page comes back whole, in the order the site wrote it.
  @Test func aSitesEventLogLongerThanAPageComesBackWholeAndInOrder() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    _ = try await push(
      try SessionDatabase(path: try SyntheticTrial(design: Self.small).databasePath), to: server, site: "LYON")
    // More events than a page, as a long trial's site sends them, numbered after the site's own.
    try server.psql(
      """
      INSERT INTO event (site, sequence, session_id, monotonic_ns, wall_clock, type, payload, schema_version)
      SELECT 'LYON', 1000 + g, session_id, monotonic_ns + g, wall_clock, type, payload, schema_version
      FROM event, generate_series(1, \(CentralSnapshot.pageSize + 5_000)) AS g
      WHERE site = 'LYON' AND sequence = (SELECT max(sequence) FROM event WHERE site = 'LYON')
      """, database: TemporaryPostgres.database)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let central = try await Synchronisation.assemble(
      from: try ServerAddress(server.address), password: TemporaryPostgres.password,
      into: folder.appendingPathComponent("trial.sqlite").path, audioStore: nil)
    let event = ReplicatedTable.named("event")!
    let monotonic = event.position(of: "monotonic_ns")
    let read = try central.replicaRows(of: event).map { $0.values[monotonic].sqlText ?? "" }
    let sent = try server.psql(
      "SELECT string_agg(monotonic_ns::text, ',' ORDER BY sequence) FROM event WHERE site = 'LYON'",
      database: TemporaryPostgres.database
    ).split(separator: ",").map(String.init)
    #expect(read.count == sent.count)
    #expect(read == sent)
  }

  private func push(_ database: SessionDatabase, to server: TemporaryPostgres, site: SiteID?) async throws
    -> SyncSummary
  {
    try await Synchronisation.push(
      database, to: try ServerAddress(server.address), password: TemporaryPostgres.password, site: site, audioStore: nil
    )
  }

  private func absences(in trial: SyntheticTrial) -> Int {
    trial.absent.values.reduce(0) { $0 + $1.count } * trial.design.trialsPerSession
  }
}

extension SyntheticTrial.Design {
  func prefixed(_ prefix: String) -> Self {
    var design = self
    design.codePrefix = prefix
    return design
  }
}
