import Foundation
internal import GRDB

/// The saves made on a trial assembled from the central server (`connectage review --from`),
/// waiting to be written back to it.
///
/// Triggers copy every row a save writes (the coder's code, the memory coding, the reviewed
/// timing, the consensus and the review's event) into `review_outbox` in the same transaction as
/// the save, with every version kept, so that nothing saved is lost if the write-back fails or the
/// program is killed: the file stays, and the next `review --from` sends what it holds before
/// anything else. An append-only row gets, once and for all, a cursor of its own (milliseconds
/// since 1970 and 20 random bits), so sending it again after a cut is recognised by the server.
public struct ReviewOutbox: Sendable {
  let database: SessionDatabase

  /// The tables a review writes, as the catalogue describes them.
  public static let tables = ["coder", "memory_coding", "reviewed_timing", "consensus", "event"].map {
    ReplicatedTable.named($0)!
  }

  /// Creates the outbox and its triggers; a database that has them is left as it is.
  public func open() throws {
    try database.write { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS review_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name TEXT NOT NULL,
            row TEXT NOT NULL CHECK (json_valid(row))
          )
          """)
      for table in Self.tables {
        let values = table.columns.map { column in
          column.name == table.cursor ? Self.uniqueCursor : "NEW.\"\(column.name)\""
        }
        // Append-only rows are only ever inserted; a history row is replaced by each new version.
        let events = table.cursor == nil ? ["INSERT", "UPDATE"] : ["INSERT"]
        for event in events {
          try db.execute(
            sql: """
              CREATE TRIGGER IF NOT EXISTS review_outbox_\(table.name)_\(event.lowercased())
              AFTER \(event) ON "\(table.name)"
              BEGIN
                INSERT INTO review_outbox (table_name, row) VALUES ('\(table.name)', json_array(\(values.joined(separator: ", "))));
              END
              """)
        }
      }
    }
  }

  /// Milliseconds since 1970 times 2²⁰, plus 20 random bits: increasing with time, so the server
  /// keeps the reviews' rows in the order they were made, and unique to one row.
  private static let uniqueCursor = """
    ((CAST(strftime('%s', 'now') AS INTEGER) * 1000 + CAST(substr(strftime('%f', 'now'), 4) AS INTEGER)) * 1048576 \
    + (abs(random()) % 1048576))
    """

  /// Whether any row waits, without reading them: what a write-back checks every few seconds.
  public func hasPending() throws -> Bool {
    try database.read { db in
      try db.tableExists("review_outbox")
        && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM review_outbox)") ?? false)
    }
  }

  /// The rows waiting, oldest first.
  public func pending() throws -> [ReviewOutboxEntry] {
    let rows = try database.read { db in
      guard try db.tableExists("review_outbox") else { return [Row]() }
      return try Row.fetchAll(db, sql: "SELECT id, table_name, row FROM review_outbox ORDER BY id")
    }
    return try rows.map { row in
      let name: String = row["table_name"]
      guard let table = ReplicatedTable.named(name) else { throw Self.unreadable }
      let text: String = row["row"]
      guard let values = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any],
        values.count == table.columns.count
      else { throw Self.unreadable }
      return ReviewOutboxEntry(
        id: row["id"], table: table,
        row: ReplicaRow(zip(table.columns, values).map { Self.value($1, kind: $0.kind) }))
    }
  }

  private static let unreadable = StoreError.databaseFailure("review_outbox holds a row this ConnectAge cannot read")

  /// Forgets rows the server has: the ids of ``pending()``'s entries.
  public func remove(_ ids: [Int64]) throws {
    guard let last = ids.max() else { return }
    try database.write { db in
      try db.execute(sql: "DELETE FROM review_outbox WHERE id <= ?", arguments: [last])
    }
  }

  private static func value(_ value: Any, kind: ReplicatedColumn.Kind) -> ReplicaValue {
    switch (value, kind) {
    case (let text as String, _): .text(text)
    case (let number as NSNumber, .integer): .integer(number.int64Value)
    case (let number as NSNumber, .real): .real(number.doubleValue)
    case (let number as NSNumber, .text): .text(number.stringValue)
    default: .null
    }
  }
}

/// One row of the ``ReviewOutbox``.
public struct ReviewOutboxEntry: Sendable, Hashable {
  public let id: Int64
  public let table: ReplicatedTable
  public let row: ReplicaRow
}

extension SessionDatabase {
  public var reviewOutbox: ReviewOutbox { ReviewOutbox(database: self) }
}
