import Foundation
import SessionModel
import SpeechKit
import Store

/// The whole trial read back from the server into a new SQLite file, so that exports, statistics
/// and reports run on every site's data with the same code that runs on one site's.
///
/// Each participant, group and session keeps the site that sent it (`site_id`); append-only rows
/// keep their order within each site (and the rows of central reviews theirs, under
/// ``ReviewWriteBack/origin``); of the history tables, each answer's latest version is the one
/// read, whether a site or a central review saved it, as a site's own database holds only one.
/// Each recording is placed under the site's code and its answer in the assembled trial's folder,
/// by the file name its site sent, with its transcripts beside it and, when an audio store is
/// given, a link to its audio there (found by its checksum).
enum CentralSnapshot {
  static let pageSize = 20_000

  static func assemble(
    from server: ServerConnection, into path: String, audioStore: AudioStore?
  ) async throws(SyncError) -> SessionDatabase {
    let report = try await ServerSchema.migrations(server)
    guard !report.applied.isEmpty else { throw SyncError.serverNotPrepared(address: server.address.description) }
    guard report.unknown.isEmpty else { throw SyncError.serverIsNewer(report.unknown) }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let database: SessionDatabase
    do {
      database = try SessionDatabase(path: path, synchronous: .normal)
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
    var recordings = Recordings()
    for table in ReplicatedTable.catalogue {
      try await copy(table, from: server, into: database, recordings: &recordings)
    }
    try await placeFiles(from: server, beside: recordings, in: database, audioStore: audioStore)
    return database
  }

  /// Where each answer's recording was placed, by site and answer, with its checksum.
  struct Recordings {
    var placed: [String: (site: String, path: String, sha256: String)] = [:]

    static func key(_ site: String, _ answer: ArraySlice<String?>) -> String {
      ([site] + answer.map { $0 ?? "" }).joined(separator: "\u{1F}")
    }
  }

  /// Writes each transcript file beside its recording and links the audio from the store.
  ///
  /// Every row is checked before anything is written: a transcript of a kind no site keeps beside
  /// its recordings refuses the whole assembly, naming its site. Each file's folder, once made, is
  /// checked again with its links resolved, so that nothing is ever written outside `folder`.
  private static func placeFiles(
    from server: ServerConnection, beside recordings: Recordings, in database: SessionDatabase, audioStore: AudioStore?
  ) async throws(SyncError) {
    guard let folder = database.dataFolder else { return }
    let manager = FileManager.default
    let files = try await server.rows(
      "SELECT site, session_id, trial_id, participant_code, extension, content_base64 FROM transcript_file")
    var transcripts: [(site: String, file: URL, content: Data)] = []
    for row in files {
      guard let place = recordings.placed[Recordings.key(row[0] ?? "", row[1...3])], let fileExtension = row[4]
      else { continue }
      let file = folder.appendingPathComponent(place.path).deletingPathExtension().appendingPathExtension(
        fileExtension)
      guard TranscriptBesideRecording.extensions.contains(fileExtension),
        let content = Data(base64Encoded: row[5] ?? "")
      else {
        throw SyncError.unsafeFileFromSite(
          site: row[0] ?? "", table: FilesBesideRecordings.table.name,
          value: String(file.path.dropFirst(folder.path.count + 1)))
      }
      transcripts.append((row[0] ?? "", file, content))
    }
    do {
      let inside = folder.resolvingSymlinksInPath().path + "/"
      // Makes the folder `file` goes in, and refuses it if it resolves outside the trial's folder
      // (a link on the way): `site` is the site whose row named the file.
      func makeFolder(for file: URL, site: String) throws {
        let parent = file.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        guard (parent.resolvingSymlinksInPath().path + "/").hasPrefix(inside) else {
          throw SyncError.unsafeFileFromSite(site: site, table: "recording", value: file.path)
        }
      }
      for (site, path, sha256) in recordings.placed.values {
        let file = folder.appendingPathComponent(path)
        try makeFolder(for: file, site: site)
        if let audioStore, audioStore.holds(sha256) {
          // A working file read back again (a central review) has last time's links.
          try? manager.removeItem(at: file)
          try manager.createSymbolicLink(at: file, withDestinationURL: audioStore.file(for: sha256))
        }
      }
      for (site, file, content) in transcripts {
        try makeFolder(for: file, site: site)
        try content.write(to: file, options: .atomic)
      }
    } catch let error as SyncError {
      throw error
    } catch {
      throw SyncError.localFailure(StoreError.explanation(of: error))
    }
  }

  private static func copy(
    _ table: ReplicatedTable, from server: ServerConnection, into database: SessionDatabase,
    recordings: inout Recordings
  ) async throws(SyncError) {
    let columns = table.columns.map { "\(quoted($0.name))::text" }.joined(separator: ", ")
    let pathPosition = table.name == "recording" ? table.position(of: "path") : nil
    let shaPosition = table.name == "recording" ? table.position(of: "sha256") : nil
    func insert(_ rows: [[String?]]) throws(SyncError) {
      var converted: [(site: SiteID, row: ReplicaRow)] = []
      converted.reserveCapacity(rows.count)
      for row in rows {
        let site = SiteID(rawValue: row[0] ?? "")
        var values = zip(table.columns, row.dropFirst()).map { RowEncoding.value(ofServerText: $1, kind: $0.kind) }
        if let pathPosition, let shaPosition, case .text(let sitePath) = values[pathPosition],
          case .text(let sha) = values[shaPosition]
        {
          let placed = try FilesBesideRecordings.placedPath(sitePath, answer: row[1...3], site: site)
          // The audio store's file is named by the checksum: anything but one could name any file.
          guard AudioStore.isChecksum(sha) else {
            throw SyncError.unsafeFileFromSite(site: site.rawValue, table: table.name, value: "sha256 \(sha)")
          }
          values[pathPosition] = .text(placed)
          recordings.placed[Recordings.key(site.rawValue, row[1...3])] = (site.rawValue, placed, sha)
        }
        converted.append((site, ReplicaRow(values)))
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
      // Ordered by the table's columns: the bare cursor name would be the text printed for it, which
      // sorts "10" before "9", so rows left their site's order and pages skipped rows.
      var last: (site: String, cursor: String)? = nil
      while true {
        let rows = try await server.rows(
          """
          SELECT site, \(columns) FROM \(table.name)
          WHERE $1::text IS NULL OR (site, \(quoted(cursor))) > ($1::text, $2::bigint)
          ORDER BY \(table.name).site, \(table.name).\(quoted(cursor)) LIMIT \(pageSize)
          """, [last?.site, last?.cursor])
        guard let final = rows.last else { return }
        try insert(rows)
        let position = 1 + table.position(of: cursor)
        last = (final[0] ?? "", final[position] ?? "0")
      }
    case .history(let at):
      // The latest version of each key, whoever saved it: a site, or a central review.
      let key = table.key.map(quoted).joined(separator: ", ")
      try insert(
        try await server.rows(
          "SELECT DISTINCT ON (\(key)) site, \(columns) FROM \(table.name) ORDER BY \(key), \(quoted(at)) DESC, site"
        ))
    case .mirror, .claimed:
      let key = (["site"] + table.key).map(quoted).joined(separator: ", ")
      try insert(try await server.rows("SELECT site, \(columns) FROM \(table.name) ORDER BY \(key)"))
    }
  }
}
