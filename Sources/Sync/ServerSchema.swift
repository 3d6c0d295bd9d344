import Store

/// The state of the server's schema against this ConnectAge: `connectage sync --check`.
public struct ServerSchemaReport: Sendable, Equatable {
  /// Migrations the server has, in order.
  public var applied: [String]
  /// Migrations this ConnectAge would apply.
  public var pending: [String]
  /// Migrations on the server this ConnectAge does not know: a newer version prepared it.
  public var unknown: [String]
  /// Tables and columns that differ from the catalogue, one sentence each (English: for the data
  /// manager's log and the test, naming SQL objects).
  public var differences: [String]

  public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty && differences.isEmpty }
}

enum ServerSchema {
  /// Serialises migrations between sites that sync at the same moment.
  private static let lock = "4719230"

  /// Applies the migrations the server lacks, in one transaction; refuses a server a newer
  /// ConnectAge prepared.
  ///
  /// A server already current is only read: a site's role needs no right to change the schema.
  static func migrate(_ server: ServerConnection) async throws(SyncError) {
    let current = try await migrations(server)
    guard current.unknown.isEmpty else { throw SyncError.serverIsNewer(current.unknown) }
    guard !current.pending.isEmpty else { return }
    try await server.transaction { server throws(SyncError) in
      try await server.rows("SELECT pg_advisory_xact_lock(\(lock))")
      try await server.rows(
        "CREATE TABLE IF NOT EXISTS connectage_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
      )
      let applied = try await appliedMigrations(server)
      let known = ServerMigrations.all.map(\.name)
      let unknown = applied.filter { !known.contains($0) }
      guard unknown.isEmpty else { throw SyncError.serverIsNewer(unknown) }
      for migration in ServerMigrations.all where !applied.contains(migration.name) {
        for statement in migration.statements { try await server.rows(statement) }
        try await migration.rewrite?(server)
        try await server.rows("INSERT INTO connectage_migration (name) VALUES ($1)", [migration.name])
      }
    }
  }

  /// The migrations applied, pending and unknown, without comparing tables: what every sync and
  /// every read of the trial checks first.
  static func migrations(_ server: ServerConnection) async throws(SyncError) -> ServerSchemaReport {
    let prepared = try await server.rows("SELECT to_regclass('connectage_migration')::text").first?.first ?? nil
    let applied = prepared == nil ? [] : try await appliedMigrations(server)
    let known = ServerMigrations.all.map(\.name)
    return ServerSchemaReport(
      applied: applied, pending: known.filter { !applied.contains($0) },
      unknown: applied.filter { !known.contains($0) }, differences: [])
  }

  /// ``migrations(_:)``, and every table and column that differs from the catalogue.
  static func report(_ server: ServerConnection) async throws(SyncError) -> ServerSchemaReport {
    var report = try await migrations(server)
    guard !report.applied.isEmpty else { return report }
    let rows = try await server.rows(
      """
      SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
      """)
    var actual: [String: [String: String]] = [:]
    for row in rows {
      guard let table = row[0], let column = row[1], let type = row[2] else { continue }
      actual[table, default: [:]][column] = type
    }
    for table in ReplicatedTable.catalogue + [FilesBesideRecordings.table] {
      guard let columns = actual[table.name] else {
        report.differences.append("table \(table.name) is missing")
        continue
      }
      let expected = expectedColumns(of: table)
      for (name, type) in expected {
        if let found = columns[name] {
          if found != type { report.differences.append("\(table.name).\(name) is \(found), expected \(type)") }
        } else {
          report.differences.append("column \(table.name).\(name) is missing")
        }
      }
      for name in columns.keys.sorted() where !expected.contains(where: { $0.name == name }) {
        report.differences.append("column \(table.name).\(name) is not in this ConnectAge's catalogue")
      }
    }
    return report
  }

  /// The server columns of `table`: the site, the catalogue's columns, and the row hash of the
  /// tables a sync compares row by row.
  static func expectedColumns(of table: ReplicatedTable) -> [(name: String, type: String)] {
    var columns: [(name: String, type: String)] = [("site", "text")]
    columns += table.columns.map { ($0.name, sqlType($0.kind)) }
    if table.carriesRowHash { columns.append(("row_hash", "text")) }
    return columns
  }

  static func sqlType(_ kind: ReplicatedColumn.Kind) -> String {
    switch kind {
    case .text: "text"
    case .integer: "bigint"
    case .real: "double precision"
    }
  }

  private static func appliedMigrations(_ server: ServerConnection) async throws(SyncError) -> [String] {
    try await server.rows("SELECT name FROM connectage_migration ORDER BY applied_at, name").compactMap { $0[0] }
  }
}

extension ReplicatedTable {
  /// Mirrored and claimed rows change in place, so the server keeps their hash to compare.
  var carriesRowHash: Bool {
    switch keeping {
    case .mirror, .claimed: true
    case .appendOnly, .history: false
    }
  }
}
