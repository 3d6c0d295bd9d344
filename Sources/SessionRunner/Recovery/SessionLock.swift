import Foundation
import Store

/// An exclusive lock a running session holds on a file.
///
/// The kernel drops the lock when the process ends, however it ends (even SIGKILL), so "the lock
/// is free" means "nobody is running this session": recovery may close it, and a new run of the
/// same planned session may start. A lock is never left stuck by a crash.
///
/// Two locks exist for each run: one in its own folder (recovery leaves a running session alone),
/// and one beside the database named after the planned session (study, group, session number),
/// so that a second run of the same planned session is refused while the first is running.
final class SessionLock: Sendable {
  private let lock: ExclusiveFileLock

  private init(_ lock: ExclusiveFileLock) {
    self.lock = lock
  }

  static func file(in sessionDirectory: URL) -> URL {
    sessionDirectory.appendingPathComponent(".running")
  }

  /// `<database folder>/.<database file>.running/<study>-<planned session>.lock`: the runs of one
  /// planned session share it, whatever folder each records into.
  static func file(ofPlanned planned: String, study: String, databasePath: String) -> URL {
    folder(besideDatabase: databasePath).appendingPathComponent("\(study)-\(planned).lock")
  }

  /// `<database folder>/.<database file>.running/recovery.lock`, held while a process recovers
  /// the database's interrupted sessions.
  static func file(ofRecoveryIn databasePath: String) -> URL {
    folder(besideDatabase: databasePath).appendingPathComponent("recovery.lock")
  }

  /// `<database folder>/.<database file>.running`: the locks of one database.
  private static func folder(besideDatabase databasePath: String) -> URL {
    let database = URL(fileURLWithPath: databasePath)
    return database.deletingLastPathComponent()
      .appendingPathComponent(".\(database.lastPathComponent).running", isDirectory: true)
  }

  /// Takes the recovery lock of a database, waiting for another process that holds it when
  /// `waiting`, else nil while it does.
  ///
  /// - Throws: when the lock file cannot be made: recovery must not run believing it is alone.
  static func holdRecovery(databasePath: String, waiting: Bool) throws -> SessionLock? {
    try holdBesideDatabase(file(ofRecoveryIn: databasePath), waiting: waiting)
  }

  /// Takes the lock of a session folder; nil if another process holds it or the file cannot be made.
  static func hold(in sessionDirectory: URL) -> SessionLock? {
    if case .taken(let lock) = ExclusiveFileLock.attempt(file(in: sessionDirectory)) { SessionLock(lock) } else { nil }
  }

  /// Takes the lock held while a planned session runs; nil if another process is running it.
  ///
  /// - Throws: when the lock file cannot be made (a read-only folder): a run must not start
  ///   believing it is alone when it cannot know.
  static func holdPlanned(_ planned: String, study: String, databasePath: String) throws -> SessionLock? {
    try holdBesideDatabase(file(ofPlanned: planned, study: study, databasePath: databasePath), waiting: false)
  }

  /// A lock in the database's lock folder, made if needed; nil while another process holds it.
  private static func holdBesideDatabase(_ url: URL, waiting: Bool) throws -> SessionLock? {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    switch ExclusiveFileLock.attempt(url, waiting: waiting) {
    case .taken(let lock): return SessionLock(lock)
    case .heldElsewhere: return nil
    case .cannotOpen(let number): throw POSIXError(POSIXErrorCode(rawValue: number) ?? .EACCES)
    }
  }

  /// True while a process runs the session of this folder.
  static func isHeld(in sessionDirectory: URL) -> Bool {
    guard FileManager.default.fileExists(atPath: file(in: sessionDirectory).path) else { return false }
    return hold(in: sessionDirectory) == nil
  }
}
