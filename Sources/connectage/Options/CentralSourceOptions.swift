import ArgumentParser
import Foundation
import SessionModel
import Store
import Sync

/// `--from postgres://…`: read the whole multi-centre trial from the central server instead of one
/// site's `--db`. The server's data is assembled into a private SQLite file for the length of the
/// command, then removed, so every analysis runs the same code on one site or on all of them.
struct CentralSourceOptions: ParsableArguments {
  @Option(
    name: .customLong("from"),
    help: ArgumentHelp(
      "Read every site's data from the central server instead of --db (password: PGPASSWORD or ~/.pgpass).",
      valueName: "postgres://user@host:port/database"))
  var server: String?

  @Option(
    name: .customLong("audio-from"),
    help: ArgumentHelp("The shared audio folder the sites sync to (sync --audio-to), for --from.", valueName: "folder"))
  var audioStore: String?

  /// With `--from`, the trial read back for a central review (`review --from`), in a working file
  /// beside the default database, one per server, kept between runs so that no save is lost; `nil`
  /// without `--from`. The lock returned with it is the working file's: two reviews of one server on
  /// one computer would each rebuild the file under the other and send each other's outbox.
  func centralReview(_ store: StoreOptions) async throws -> (review: CentralReview, lock: ExclusiveFileLock)? {
    guard let server else { return nil }
    if store.databasePath != nil { throw Self.oneSource }
    guard let audioStore else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "La relecture centrale a besoin de l'audio : ajoutez --audio-from avec le dossier partagé où les sites synchronisent (sync --audio-to).",
          en:
            "A central review needs the audio: add --audio-from with the shared folder the sites sync to (sync --audio-to)."
        ))
    }
    let (address, password) = try Self.server(server)
    let folder = URL(
      fileURLWithPath: SessionDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
    ).deletingLastPathComponent().appendingPathComponent("central-review")
      .appendingPathComponent(address.workingFolderName)
    let lock = try Self.holdWorkingFolder(folder)
    let review = try await SyncFailure.translating { () async throws(SyncError) in
      try await CentralReview.open(
        address, password: password, workingFile: folder.appendingPathComponent("trial.sqlite").path,
        audioStore: AudioStore(root: URL(fileURLWithPath: audioStore)))
    }
    return (review, lock)
  }

  /// The lock of a central review's working folder, refused while another review holds it.
  private static func holdWorkingFolder(_ folder: URL) throws -> ExclusiveFileLock {
    let cannot = { (reason: String) in
      CommandFailure.runtime(
        LocalizedText(
          fr: "Le dossier de travail de la relecture centrale n'est pas utilisable (\(reason)).",
          en: "The central review's working folder cannot be used (\(reason))."))
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw cannot(error.localizedDescription)
    }
    switch ExclusiveFileLock.attempt(folder.appendingPathComponent("review.lock")) {
    case .taken(let lock): return lock
    case .cannotOpen(let number): throw cannot(String(cString: strerror(number)))
    case .heldElsewhere:
      throw CommandFailure.runtime(
        LocalizedText(
          fr:
            "Une autre relecture de ce serveur est déjà ouverte sur cet ordinateur : continuez dans celle-ci, ou fermez-la (Ctrl-C) avant d'en ouvrir une autre.",
          en:
            "Another review of this server is already open on this computer: go on in that one, or close it (Ctrl-C) before opening another."
        ))
    }
  }

  /// The server `--from` names, read and checked, with its password from the environment.
  private static func server(_ text: String) throws -> (ServerAddress, String?) {
    let address = try SyncFailure.translating { () throws(SyncError) in try ServerAddress(text) }
    return (address, PasswordSource.password(for: address, environment: ProcessInfo.processInfo.environment))
  }

  private static let oneSource = CommandFailure.badInput(
    LocalizedText(
      fr: "--db et --from s'excluent : choisissez la base d'un site ou le serveur central.",
      en: "--db and --from exclude each other: choose one site's database or the central server."))

  /// Runs `body` on `store`'s database, or on the trial assembled from the server with `--from`.
  func withDatabase<Result>(_ store: StoreOptions, _ body: (SessionDatabase) throws -> Result) throws -> Result {
    guard let server else { return try store.withDatabase(body) }
    if store.databasePath != nil { throw Self.oneSource }
    let (address, password) = try Self.server(server)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-central-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("trial.sqlite").path
    let store = audioStore.map { AudioStore(root: URL(fileURLWithPath: $0)) }
    let database = try SyncFailure.translating { () throws(SyncError) in
      try Blocking.run { () async throws(SyncError) in
        try await Synchronisation.assemble(from: address, password: password, into: path, audioStore: store)
      }
    }
    do {
      return try body(database)
    } catch let error as StoreError {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }
}
