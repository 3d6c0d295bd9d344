import Store

/// The statements a push sends, built from the catalogue: `$1` is the site, `$2` a batch of rows
/// as JSON (``RowEncoding``), each cast back to its column's type.
enum ServerStatements {
  /// Inserts rows the server may already hold (a batch sent again after a cut): those are left as
  /// they are.
  static func insert(_ table: ReplicatedTable) -> String {
    "\(head(table)) ON CONFLICT (\(conflictKey(table).map(quoted).joined(separator: ", "))) DO NOTHING"
  }

  /// Inserts or replaces mirrored rows; a claimed row is replaced only by the site that owns it.
  /// Returns one row per row written.
  static func upsert(_ table: ReplicatedTable) -> String {
    let updates = (table.columns.map(\.name) + ["row_hash"]).filter { !table.key.contains($0) }
      .map { "\(quoted($0)) = excluded.\(quoted($0))" }
    let owner = table.keeping == .claimed ? " WHERE \(table.name).site = excluded.site" : ""
    return """
      \(head(table)) ON CONFLICT (\(conflictKey(table).map(quoted).joined(separator: ", ")))
      DO UPDATE SET \(updates.joined(separator: ", "))\(owner) RETURNING 1
      """
  }

  private static func head(_ table: ReplicatedTable) -> String {
    var names = table.columns.map { quoted($0.name) }
    var values = table.columns.enumerated().map { "(r->>\($0.offset))::\(ServerSchema.sqlType($0.element.kind))" }
    if table.carriesRowHash {
      names.append("row_hash")
      values.append("r->>\(table.columns.count)")
    }
    return """
      INSERT INTO \(table.name) (site, \(names.joined(separator: ", ")))
      SELECT $1, \(values.joined(separator: ", ")) FROM json_array_elements($2::json) AS r
      """
  }

  /// The server's primary key of `table` (see `ServerMigrations`).
  static func conflictKey(_ table: ReplicatedTable) -> [String] {
    switch table.keeping {
    case .claimed: table.key
    case .mirror: ["site"] + table.key
    case .appendOnly(let cursor): ["site", cursor]
    case .history(let at): ["site"] + table.key + [at]
    }
  }
}
