internal import GRDB
import SessionModel

extension SessionDatabase {
  /// The rows of `table` in the catalogue's column order, ordered by its key (or cursor).
  ///
  /// For an append-only table, only the rows whose cursor is above `after`, at most `limit` of
  /// them: a push reads the event log a batch at a time and never holds it whole.
  public func replicaRows(of table: ReplicatedTable, after: Int64? = nil, limit: Int? = nil) throws -> [ReplicaRow] {
    let columns = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
    var sql = "SELECT \(columns) FROM \"\(table.name)\""
    var arguments: StatementArguments = []
    if let cursor = table.cursor {
      sql += " WHERE \"\(cursor)\" > ? ORDER BY \"\(cursor)\""
      arguments = [after ?? 0]
    } else {
      sql += " ORDER BY " + table.key.map { "\"\($0)\"" }.joined(separator: ", ")
    }
    if let limit { sql += " LIMIT \(limit)" }
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        ReplicaRow(table.columns.indices.map { Self.replicaValue(row[$0] as DatabaseValue) })
      }
    }
  }

  /// How many rows of an append-only `table` lie above `after`: what a push has left to send.
  public func replicaCount(of table: ReplicatedTable, after: Int64) throws -> Int {
    guard let cursor = table.cursor else { return try replicaRows(of: table).count }
    return try read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table.name)\" WHERE \"\(cursor)\" > ?", arguments: [after])
        ?? 0
    }
  }

  /// Writes rows read from a central server into this (new, empty) database, in one transaction:
  /// each row with the site it came from, written into the local `site_id` of participants, groups
  /// and sessions (a group's own site label, when it has one, stays). Append-only rows take new
  /// local cursors, in the order given.
  public func insertReplica(_ rows: [(site: SiteID, row: ReplicaRow)], into table: ReplicatedTable) throws {
    var columns = table.columns.map(\.name).filter { $0 != table.cursor }
    let ownSite = table.columns.firstIndex { $0.name == "site_id" }
    let siteColumn = ownSite == nil && ["participant", "session"].contains(table.name)
    if siteColumn { columns.append("site_id") }
    let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    // Studies and coders are codes every site may share: the first site's row stands for all.
    let shared = table.name == "study" || table.name == "coder"
    let sql = """
      INSERT \(shared ? "OR IGNORE " : "")INTO "\(table.name)" (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
      VALUES (\(placeholders))
      """
    let kept = table.columns.indices.filter { table.columns[$0].name != table.cursor }
    try write { db in
      let statement = try db.makeStatement(sql: sql)
      for (site, row) in rows {
        var values: [DatabaseValue] = kept.map { index in
          index == ownSite && row.values[index] == .null
            ? site.rawValue.databaseValue : Self.databaseValue(row.values[index])
        }
        if siteColumn { values.append(site.rawValue.databaseValue) }
        try statement.execute(arguments: StatementArguments(values))
      }
    }
  }

  private static func replicaValue(_ value: DatabaseValue) -> ReplicaValue {
    switch value.storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
    }
  }

  private static func databaseValue(_ value: ReplicaValue) -> DatabaseValue {
    switch value {
    case .null: .null
    case .integer(let number): number.databaseValue
    case .real(let number): number.databaseValue
    case .text(let text): text.databaseValue
    }
  }
}
