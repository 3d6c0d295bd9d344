import Foundation
import SessionModel
import Store

/// Sends what a central review saved (``ReviewOutbox``) to the server, under the origin
/// ``origin`` rather than a site: the answers reviewed belong to their sites, the codings to the
/// coders who made them centrally. No site can push under this origin, since a site code is
/// upper-case.
///
/// All of a flush is one transaction, and every row is sent so that sending it again changes
/// nothing: append-only rows by the cursor the outbox gave them, history rows by their time,
/// coders by their code. A flush cut before the outbox forgets its rows is sent again whole.
enum ReviewWriteBack {
  static let origin = "central-review"

  static func flush(_ database: SessionDatabase, to server: ServerConnection) async throws(SyncError) -> Int {
    let entries: [ReviewOutboxEntry]
    do {
      entries = try database.reviewOutbox.pending()
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    guard !entries.isEmpty else { return 0 }
    try await server.transaction { server throws(SyncError) in
      for table in ReviewOutbox.tables {
        let rows = entries.filter { $0.table == table }.map(\.row)
        guard !rows.isEmpty else { continue }
        let statement = table.carriesRowHash ? ServerStatements.upsert(table) : ServerStatements.insert(table)
        let json = RowEncoding.json(rows, hashes: table.carriesRowHash ? rows.map(RowEncoding.hash) : nil)
        try await server.rows(statement, [origin, json])
      }
    }
    do {
      try database.reviewOutbox.remove(entries.map(\.id))
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    return entries.count
  }
}
