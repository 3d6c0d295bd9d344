import Foundation
import SessionModel
import Store

/// The whole trial read back from the server into a new SQLite file, so that exports, statistics
/// and reports run on every site's data with the same code that runs on one site's.
///
/// Each participant, group and session keeps the site that sent it (`site_id`); append-only rows
/// keep their order within each site; of the history tables, each answer's latest version is the
/// one read, as a site's own database holds only that one. With an audio store, recordings point
/// into it by their checksum.
enum CentralSnapshot {
  static let pageSize = 20_000

  static func assemble(
    from server: ServerConnection, into path: String, audioStore: AudioStore?
  ) async throws(SyncError) -> SessionDatabase {
    let report = try await ServerSchema.report(server)
    guard !report.applied.isEmpty else { throw SyncError.serverNotPrepared(address: server.address.description) }
    guard report.unknown.isEmpty else { throw SyncError.serverIsNewer(report.unknown) }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let database: SessionDatabase
    do {
      database = try SessionDatabase(path: path, synchronous: .normal)
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    for table in ReplicatedTable.catalogue {
      try await copy(table, from: server, into: database, audioStore: audioStore)
    }
    return database
  }

  private static func copy(
    _ table: ReplicatedTable, from server: ServerConnection, into database: SessionDatabase, audioStore: AudioStore?
  ) async throws(SyncError) {
    let columns = table.columns.map { "\(quoted($0.name))::text" }.joined(separator: ", ")
    let pathPosition = table.name == "recording" ? table.columns.firstIndex { $0.name == "path" } : nil
    let shaPosition = table.columns.firstIndex { $0.name == "sha256" }
    func insert(_ rows: [[String?]]) throws(SyncError) {
      let converted: [(site: SiteID, row: ReplicaRow)] = rows.map { row in
        var values = zip(table.columns, row.dropFirst()).map { value(of: $1, kind: $0.kind) }
        if let audioStore, let pathPosition, let shaPosition, case .text(let sha) = values[shaPosition] {
          values[pathPosition] = .text(audioStore.file(for: sha).path)
        }
        return (SiteID(rawValue: row[0] ?? ""), ReplicaRow(values))
      }
      do {
        try database.insertReplica(converted, into: table)
      } catch {
        throw SyncError.localFailure(StoreError.explanation(of: error))
      }
    }
    switch table.keeping {
    case .appendOnly(let cursor):
      // A page at a time, by (site, cursor): the event log of a whole trial is never held at once.
      var last: (site: String, cursor: String)? = nil
      while true {
        let rows = try await server.rows(
          """
          SELECT site, \(columns) FROM \(table.name)
          WHERE $1::text IS NULL OR (site, \(quoted(cursor))) > ($1::text, $2::bigint)
          ORDER BY site, \(quoted(cursor)) LIMIT \(pageSize)
          """, [last?.site, last?.cursor])
        guard let final = rows.last else { return }
        try insert(rows)
        let position = 1 + table.columns.firstIndex { $0.name == cursor }!
        last = (final[0] ?? "", final[position] ?? "0")
      }
    case .history(let at):
      let key = (["site"] + table.key).map(quoted).joined(separator: ", ")
      try insert(
        try await server.rows(
          "SELECT DISTINCT ON (\(key)) site, \(columns) FROM \(table.name) ORDER BY \(key), \(quoted(at)) DESC"))
    case .mirror, .claimed:
      let key = (["site"] + table.key).map(quoted).joined(separator: ", ")
      try insert(try await server.rows("SELECT site, \(columns) FROM \(table.name) ORDER BY \(key)"))
    }
  }

  private static func value(of text: String?, kind: ReplicatedColumn.Kind) -> ReplicaValue {
    guard let text else { return .null }
    switch kind {
    case .text: return .text(text)
    case .integer: return Int64(text).map(ReplicaValue.integer) ?? .text(text)
    case .real: return Double(text).map(ReplicaValue.real) ?? .text(text)
    }
  }
}
