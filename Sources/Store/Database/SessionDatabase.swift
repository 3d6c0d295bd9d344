import Foundation
internal import GRDB

/// The research database: one SQLite file holding participants, groups, sessions, the event log,
/// recordings and measures.
///
/// Opening a file applies any migration it lacks, so a database written by an older
/// ConnectAge is brought up to date before anything reads it. The file is kept in WAL mode with
/// `synchronous = FULL`: a write that returned has reached the disk, which is what makes
/// ``EventLog/append(_:)`` durable.
public final class SessionDatabase: Sendable {
  /// The file this database lives in; `nil` for an in-memory database.
  public let path: String?
  let writer: any DatabaseWriter

  /// Opens (and creates if needed) the database at `path`, creating its folder too.
  ///
  /// - Throws: ``StoreError/storage(_:path:)`` when the file cannot be opened, is locked,
  ///   read-only, damaged or not a database; ``StoreError/writtenByNewerVersion`` when a newer
  ///   ConnectAge wrote it; ``StoreError/cannotOpen(path:reason:)`` for anything else.
  public convenience init(path: String) throws {
    try self.init(path: path, synchronous: .full)
  }

  /// Opens the database with a chosen sync level; only benchmarks choose anything but `.full`.
  public init(path: String, synchronous: SynchronousLevel) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw StoreError.storage(.cannotOpen, path: path)
    }
    do {
      let pool = try DatabasePool(path: path, configuration: Self.configuration())
      // Set after opening, on the one writer connection: GRDB switches a pool to WAL with
      // `synchronous = NORMAL` after `prepareDatabase` runs, which would quietly undo FULL.
      try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)")
      }
      writer = pool
      self.path = path
      try Self.prepare(writer)
    } catch let error as StoreError {
      throw error
    } catch {
      if let fault = StorageFault.of(error) { throw StoreError.storage(fault, path: path) }
      throw StoreError.cannotOpen(path: path, reason: "\(error)")
    }
  }

  private init(inMemoryWriter: any DatabaseWriter) throws {
    writer = inMemoryWriter
    path = nil
    try Self.prepare(writer)
  }

  /// A private database that vanishes with the object; for tests and previews.
  public static func inMemory() throws -> SessionDatabase {
    try SessionDatabase(inMemoryWriter: DatabaseQueue(configuration: configuration()))
  }

  /// `$XDG_DATA_HOME/connectage/connectage.sqlite`, or `~/.local/share/connectage/connectage.sqlite`
  /// when `XDG_DATA_HOME` is unset or empty (the XDG base-directory rule).
  public static func defaultPath(environment: [String: String]) -> String {
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = xdg
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      dataHome = home + "/.local/share"
    }
    return dataHome + "/connectage/connectage.sqlite"
  }

  /// The SQLite `synchronous` setting.
  public enum SynchronousLevel: String, Sendable {
    /// Every commit waits for the disk: survives a power cut. The default.
    case full = "FULL"
    /// Commits wait for the operating system only: survives a crash of ConnectAge, not of the machine.
    case normal = "NORMAL"
  }

  /// The tables and their columns, in creation order; lets tests and `db check` look at the schema.
  public func schema() throws -> [TableDescription] {
    try writer.read { db in
      let tables = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
          ORDER BY rowid
          """)
      return try tables.map { table in
        let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
        return TableDescription(name: table, columns: columns.map { $0["name"] })
      }
    }
  }

  /// The `synchronous` setting of the connection that writes, as SQLite reports it.
  public func synchronousLevel() throws -> SynchronousLevel? {
    let level = try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    switch level {
    case 2: return .full
    case 1: return .normal
    default: return nil
    }
  }

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another connectage process (a CLI next to a running session) may hold the write lock briefly.
    configuration.busyMode = .timeout(5)
    return configuration
  }

  private static func prepare(_ writer: any DatabaseWriter) throws {
    let migrator = Migrations.migrator
    let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
    if superseded {
      throw StoreError.writtenByNewerVersion
    }
    // Two processes opening a new file at the same moment (a session starting while another
    // command reads the same database) may both start a migration; the one that loses the race
    // finds it applied when it looks again.
    for attempt in 1...3 {
      do {
        try migrator.migrate(writer)
        return
      } catch  where attempt < 3 {
        continue
      }
    }
  }
}
