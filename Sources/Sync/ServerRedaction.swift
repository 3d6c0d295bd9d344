import Store

/// Redacts in place the rows a server received before sites redacted what they send (migration
/// `s5-redacted-rows`): event payloads with home folders, device addresses and paths in error
/// messages, recordings named by their path on the site's disk.
///
/// Each row is reduced by ``ReplicaRow/redacted(in:)``, the function a site's push applies to the
/// rows it sends, so the cleaned server holds what a sync to a new server would have sent, row
/// hashes included, and each site's next sync finds nothing to send. Runs inside the migration's
/// transaction, a page at a time, with the append-only guards lifted for that transaction only.
enum ServerRedaction {
  static let pageSize = 5_000

  static func clean(_ server: ServerConnection) async throws(SyncError) {
    for table in ReplicatedTable.redacted {
      let guarded = !table.carriesRowHash
      if guarded { try await server.rows("ALTER TABLE \(table.name) DISABLE TRIGGER \(table.name)_is_append_only") }
      try await cleanRows(of: table, on: server)
      if guarded { try await server.rows("ALTER TABLE \(table.name) ENABLE TRIGGER \(table.name)_is_append_only") }
    }
  }

  private static func cleanRows(of table: ReplicatedTable, on server: ServerConnection) async throws(SyncError) {
    // The server's key, the site first: pages follow it, and it names the rows to rewrite.
    let identity = ["site"] + ServerStatements.conflictKey(table).filter { $0 != "site" }
    let kinds: [ReplicatedColumn.Kind] = identity.map {
      $0 == "site" ? .text : table.columns[table.position(of: $0)].kind
    }
    let order = identity.map { "\(table.name).\(quoted($0))" }.joined(separator: ", ")
    let after = kinds.enumerated().map { "$\($0.offset + 1)::\(ServerSchema.sqlType($0.element))" }
    let columns = table.columns.map { "\(quoted($0.name))::text" }.joined(separator: ", ")
    let redacted = table.columns.indices.filter { table.columns[$0].redaction != nil }
    var last: [String?]? = nil
    while true {
      let condition =
        last == nil
        ? "" : "WHERE (\(identity.map(quoted).joined(separator: ", "))) > (\(after.joined(separator: ", ")))"
      let rows = try await server.rows(
        "SELECT site, \(columns) FROM \(table.name) \(condition) ORDER BY \(order) LIMIT \(pageSize)", last ?? [])
      guard let final = rows.last else { return }
      var changed: [ReplicaRow] = []
      for row in rows {
        let sent = ReplicaRow(
          zip(table.columns, row.dropFirst()).map { RowEncoding.value(ofServerText: $1, kind: $0.kind) })
        let clean = sent.redacted(in: table)
        guard clean != sent else { continue }
        let key = identity.map { name in name == "site" ? row[0] : row[1 + table.position(of: name)] }
        var values = key.map { $0.map(ReplicaValue.text) ?? .null } + redacted.map { clean.values[$0] }
        if table.carriesRowHash { values.append(.text(RowEncoding.hash(clean))) }
        changed.append(ReplicaRow(values))
      }
      if !changed.isEmpty {
        var assignments = redacted.enumerated().map { offset, column in
          "\(quoted(table.columns[column].name)) = r->>\(identity.count + offset)"
        }
        if table.carriesRowHash { assignments.append("row_hash = r->>\(identity.count + redacted.count)") }
        let matches = zip(identity, kinds).enumerated().map { offset, column in
          "\(table.name).\(quoted(column.0)) = (r->>\(offset))::\(ServerSchema.sqlType(column.1))"
        }
        try await server.rows(
          """
          UPDATE \(table.name) SET \(assignments.joined(separator: ", "))
          FROM json_array_elements($1::json) AS r WHERE \(matches.joined(separator: " AND "))
          """, [RowEncoding.json(changed)])
      }
      last = identity.map { name in name == "site" ? final[0] : final[1 + table.position(of: name)] }
    }
  }
}
