import Foundation
import SessionModel
import Store

/// Pushes one site's database to the server: what the server lacks, and nothing else.
///
/// Every step can be cut at any point and run again to the same result. Mirrored tables are
/// compared row by row with the hashes the server keeps and written one table per transaction;
/// append-only tables are sent in batches in the order of their local cursor, so the server always
/// holds a prefix of each site's log and resumes after its highest cursor; history tables gain the
/// versions they lack. Claims are checked before anything is written.
struct SitePush {
  let database: SessionDatabase
  let site: SiteID
  let server: ServerConnection
  let audioStore: AudioStore?
  let progress: @Sendable (SyncProgress) -> Void
  static let batchSize = 5_000

  func run() async throws(SyncError) -> SyncSummary {
    var summary = SyncSummary()
    try await checkInstallation()
    try await checkNotOlderThanServer()
    let run =
      try await server.rows(
        "INSERT INTO connectage_sync_run (site) VALUES ($1) RETURNING id::text", [site.rawValue]
      ).first?.first ?? nil
    try await checkClaims()
    for table in ReplicatedTable.catalogue + [FilesBesideRecordings.table] {
      if table.name == "recording", let audioStore { try copyAudio(to: audioStore, summary: &summary) }
      switch table.keeping {
      case .mirror, .claimed: try await pushMirrored(table, summary: &summary)
      case .appendOnly(let cursor): try await pushAppended(table, cursor: cursor, summary: &summary)
      case .history(let at): try await pushHistory(table, at: at, summary: &summary)
      }
    }
    if let run {
      try await server.rows(
        "UPDATE connectage_sync_run SET finished_at = now(), rows_sent = $2::bigint, bytes_sent = $3::bigint WHERE id = $1::bigint",
        [run, String(summary.totalRowsSent), String(summary.bytesSent)])
    }
    return summary
  }

  /// Refuses, before writing anything, a site code another installation pushes under: its
  /// mirrored rows would replace this one's at each sync, and the other way round.
  private func checkInstallation() async throws(SyncError) {
    let identity = try local { try database.installationSite.installationIdentity() } ?? ""
    let holder = try await server.rows(
      """
      WITH claimed AS (
        INSERT INTO connectage_site (site, installation) VALUES ($1, $2) ON CONFLICT (site) DO NOTHING RETURNING installation
      )
      SELECT installation FROM claimed UNION ALL SELECT installation FROM connectage_site WHERE site = $1
      """, [site.rawValue, identity])
    guard holder.first?.first == identity else { throw SyncError.siteHeldByAnotherInstallation(site: site.rawValue) }
  }

  /// Refuses, before writing anything, a database older than what this site already sent: one
  /// restored from a backup taken before the last sync. Pushed, its mirrored tables would remove
  /// from the server every row sent since (a whole session's), and its append-only tables would
  /// resume after the server's highest cursor, so that what it records next, numbered again from
  /// the backup's, would never be sent. The server's latest row of each append-only table must be
  /// in the database as it was sent; every sync adds to the event log, so the log alone tells.
  private func checkNotOlderThanServer() async throws(SyncError) {
    for table in ReplicatedTable.catalogue {
      guard let cursor = table.cursor else { continue }
      let columns = table.columns.map { "\(quoted($0.name))::text" }.joined(separator: ", ")
      // Ordered by the table's column: the bare name would be the text printed for it ("99" > "239").
      let latest = try await server.rows(
        "SELECT \(columns) FROM \(table.name) WHERE site = $1 ORDER BY \(table.name).\(quoted(cursor)) DESC LIMIT 1",
        [site.rawValue])
      guard let sent = latest.first else { continue }
      let position = table.position(of: cursor)
      let highest = Int64(sent[position] ?? "") ?? 0
      let held = try siteRows(of: table, after: highest - 1, limit: 1).first
      let same = ReplicaRow(zip(table.columns, sent).map { RowEncoding.value(ofServerText: $1, kind: $0.kind) })
      guard let held, held.values[position] == .integer(highest), held == same else {
        throw SyncError.olderThanServer(
          site: site.rawValue, table: table.name, cursor: highest,
          isMissing: held?.values[position] != .integer(highest))
      }
    }
  }

  /// Refuses, before writing anything, a participant another site owns (groups and sessions
  /// cannot collide: they are qualified with the site's code).
  private func checkClaims() async throws(SyncError) {
    for table in ReplicatedTable.catalogue where table.keeping == .claimed {
      let positions = table.keyPositions
      let keys = try siteRows(of: table).map { RowEncoding.key(of: $0, at: positions) }
      guard !keys.isEmpty else { continue }
      let key = table.key[0]
      let taken = try await server.rows(
        """
        SELECT \(key)::text, site FROM \(table.name)
        WHERE site <> $1 AND \(key) IN (SELECT json_array_elements_text($2::json)) ORDER BY 1 LIMIT 1
        """, [site.rawValue, RowEncoding.json(keys)])
      if let first = taken.first {
        throw SyncError.claimedByAnotherSite(
          what: table.name, key: first[0] ?? "", owner: first[1] ?? "", claimant: site.rawValue)
      }
    }
  }

  private func pushMirrored(_ table: ReplicatedTable, summary: inout SyncSummary) async throws(SyncError) {
    let rows = try siteRows(of: table)
    let positions = table.keyPositions
    let localHashes = rows.map(RowEncoding.hash)
    let serverHashes = try await serverHashes(of: table, comparedWith: rows, hashes: localHashes)
    var changed: [ReplicaRow] = []
    var hashes: [String] = []
    var localKeys = Set<String>()
    for (row, hash) in zip(rows, localHashes) {
      let key = RowEncoding.key(of: row, at: positions)
      localKeys.insert(key)
      if serverHashes[key] != hash {
        changed.append(row)
        hashes.append(hash)
      }
    }
    let removed = serverHashes.keys.filter { !localKeys.contains($0) }.sorted()
    guard !changed.isEmpty || !removed.isEmpty else { return }
    try await server.transaction { server throws(SyncError) in
      if !removed.isEmpty {
        let keys = removed.map { ReplicaRow($0.components(separatedBy: "\u{1F}").map(ReplicaValue.text)) }
        let matches = table.key.enumerated().map { index, name in
          "(r->>\(index))::\(ServerSchema.sqlType(table.columns[table.position(of: name)].kind))"
        }
        let sql = """
          DELETE FROM \(table.name) WHERE site = $1 AND (\(table.key.map(quoted).joined(separator: ", "))) IN
            (SELECT \(matches.joined(separator: ", ")) FROM json_array_elements($2::json) AS r)
          """
        try await server.rows(sql, [site.rawValue, RowEncoding.json(keys)])
      }
      for start in stride(from: 0, to: changed.count, by: Self.batchSize) {
        let end = min(start + Self.batchSize, changed.count)
        let json = RowEncoding.json(Array(changed[start..<end]), hashes: Array(hashes[start..<end]))
        let written = try await server.rows(ServerStatements.upsert(table), [site.rawValue, json])
        // A claimed row another site took between the check and this write is not overwritten
        // (the statement's WHERE); say so instead of passing over it.
        if table.keeping == .claimed && written.count < end - start {
          try await checkClaims()
        }
        summary.bytesSent += json.utf8.count
      }
    }
    if !changed.isEmpty { summary.rowsSent[table.name, default: 0] += changed.count }
    if !removed.isEmpty { summary.rowsRemoved[table.name, default: 0] += removed.count }
    progress(SyncProgress(table: table.name, done: rows.count, total: rows.count, bytesSent: summary.bytesSent))
  }

  /// The server's row hashes by key, read only where the site's rows may differ.
  ///
  /// Rows are compared a part at a time, a part being the rows sharing the first key column (a
  /// session's trials, answers and recordings; a group's members): one digest of the sorted row
  /// hashes per part on each side finds the parts that changed, and only their rows are read. After
  /// a new session, that is the new session's rows, whatever the size of the trial.
  private func serverHashes(
    of table: ReplicatedTable, comparedWith rows: [ReplicaRow], hashes: [String]
  ) async throws(SyncError) -> [String: String] {
    let part = quoted(table.key[0])
    let positions = table.keyPositions
    let partPosition = positions[0]
    var localParts: [String: [String]] = [:]
    for (row, hash) in zip(rows, hashes) {
      localParts[row.values[partPosition].sqlText ?? "", default: []].append(hash)
    }
    let digests = try await server.rows(
      """
      SELECT \(part)::text, count(*)::text, md5(string_agg(row_hash, '' ORDER BY row_hash COLLATE "C"))
      FROM \(table.name) WHERE site = $1 GROUP BY \(part)
      """, [site.rawValue])
    var differing = Set(localParts.keys)
    for digest in digests {
      let name = digest[0] ?? ""
      if let local = localParts[name], digest[1] == String(local.count), digest[2] == RowEncoding.digest(of: local) {
        differing.remove(name)
      } else {
        differing.insert(name)
      }
    }
    let keyList = table.key.map { "\(quoted($0))::text" }.joined(separator: ", ")
    let serverRows =
      differing.isEmpty
      ? []
      : try await server.rows(
        """
        SELECT \(keyList), row_hash FROM \(table.name)
        WHERE site = $1 AND \(part)::text IN (SELECT json_array_elements_text($2::json))
        """, [site.rawValue, RowEncoding.json(differing.sorted())])
    // Parts that did not differ are known equal: their rows stand for the server's.
    var known: [String: String] = [:]
    for (row, hash) in zip(rows, hashes) where !differing.contains(row.values[partPosition].sqlText ?? "") {
      known[RowEncoding.key(of: row, at: positions)] = hash
    }
    for row in serverRows {
      known[RowEncoding.key(ofServerRow: row.dropLast())] = row.last ?? nil
    }
    return known
  }

  private func pushAppended(_ table: ReplicatedTable, cursor: String, summary: inout SyncSummary)
    async throws(SyncError)
  {
    let answer = try await server.rows(
      "SELECT coalesce(max(\(quoted(cursor))), 0)::text FROM \(table.name) WHERE site = $1", [site.rawValue])
    let highest = answer.first?.first.flatMap { $0 }.flatMap { Int64($0) } ?? 0
    let total = try local { try database.replicaCount(of: table, after: highest) }
    guard total > 0 else { return }
    let position = table.position(of: cursor)
    var after = highest
    var done = 0
    while true {
      let rows = try siteRows(of: table, after: after, limit: Self.batchSize)
      guard let last = rows.last, case .integer(let lastCursor) = last.values[position] else { break }
      let json = RowEncoding.json(rows)
      try await server.rows(ServerStatements.insert(table), [site.rawValue, json])
      after = lastCursor
      done += rows.count
      summary.bytesSent += json.utf8.count
      summary.rowsSent[table.name, default: 0] += rows.count
      progress(SyncProgress(table: table.name, done: done, total: total, bytesSent: summary.bytesSent))
    }
  }

  private func pushHistory(_ table: ReplicatedTable, at: String, summary: inout SyncSummary) async throws(SyncError) {
    let rows = try siteRows(of: table)
    guard !rows.isEmpty else { return }
    let identity = table.key + [at]
    let positions = identity.map(table.position(of:))
    let stored = try await server.rows(
      "SELECT \(identity.map { "\(quoted($0))::text" }.joined(separator: ", ")) FROM \(table.name) WHERE site = $1",
      [site.rawValue])
    let known = Set(stored.map { RowEncoding.key(ofServerRow: $0[...]) })
    let missing = rows.filter { !known.contains(RowEncoding.key(of: $0, at: positions)) }
    for start in stride(from: 0, to: missing.count, by: Self.batchSize) {
      let json = RowEncoding.json(Array(missing[start..<min(start + Self.batchSize, missing.count)]))
      try await server.rows(ServerStatements.insert(table), [site.rawValue, json])
      summary.bytesSent += json.utf8.count
    }
    if !missing.isEmpty { summary.rowsSent[table.name, default: 0] += missing.count }
  }

  /// Copies each recording the store lacks before its row is sent, so that no row on the server
  /// names audio the store does not hold.
  private func copyAudio(to store: AudioStore, summary: inout SyncSummary) throws(SyncError) {
    let table = ReplicatedTable.named("recording")!
    let path = table.position(of: "path")
    let sha = table.position(of: "sha256")
    let rows = try local { try database.replicaRows(of: table) }
    for (index, row) in rows.enumerated() {
      guard case .text(let stored) = row.values[path], case .text(let digest) = row.values[sha] else { continue }
      switch try store.copy(database.recordingFile(atStoredPath: stored), sha256: digest) {
      case .copied(let bytes):
        summary.audioCopied += 1
        summary.audioBytesCopied += bytes
      case .alreadyThere: summary.audioAlreadyStored += 1
      case .missingLocally, .changedSinceRecorded: summary.audioNotCopied += 1
      }
      if index % 100 == 99 || index == rows.count - 1 {
        progress(
          SyncProgress(table: "audio", done: index + 1, total: rows.count, bytesSent: summary.audioBytesCopied))
      }
    }
  }

  /// The site's rows of `table` as the server holds them: its sessions, runs and groups qualified
  /// with the site's code, so that no two sites ever name the same one, and redacted, so that no
  /// home folder, login or device address leaves the site. Hashes, the comparison with the
  /// server's rows and the check of a restored backup all see the rows as sent.
  private func siteRows(of table: ReplicatedTable, after: Int64? = nil, limit: Int? = nil) throws(SyncError)
    -> [ReplicaRow]
  {
    let rows = try local {
      table == FilesBesideRecordings.table
        ? try FilesBesideRecordings.rows(in: database)
        : try database.replicaRows(of: table, after: after, limit: limit)
    }
    return rows.map { $0.qualified(at: site, in: table).redacted(in: table) }
  }

  /// Reads the site's own database; its failures are the store's, said in its words.
  private func local<T>(_ read: () throws -> T) throws(SyncError) -> T {
    do {
      return try read()
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
  }
}

func quoted(_ name: String) -> String { "\"\(name)\"" }
