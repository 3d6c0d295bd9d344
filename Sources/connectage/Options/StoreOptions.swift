import ArgumentParser
import Foundation
import SessionModel
import Store

/// `--db PATH`: which database a command reads and writes.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "Database file (default: $XDG_DATA_HOME/connectage/connectage.sqlite).", valueName: "path"))
  var databasePath: String?

  var resolvedPath: String {
    databasePath ?? SessionDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the database (creating it when `creating`) and runs `body`, turning the store's refusals
  /// into the project's exit codes.
  ///
  /// Commands that only read pass `creating: false`, so a mistyped `--db` is reported instead of
  /// leaving an empty database behind.
  func withDatabase<Result>(creating: Bool = false, _ body: (SessionDatabase) throws -> Result) throws -> Result {
    let path = resolvedPath
    if !creating && !FileManager.default.fileExists(atPath: path) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Aucune base de données à « \(path) ». Vérifiez --db, ou commencez par « connectage participants add ».",
          en: "No database at '\(path)'. Check --db, or start with 'connectage participants add'."))
    }
    do {
      return try body(SessionDatabase(path: path))
    } catch let error as StoreError {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }

  /// The database opened for async work (`connectage sync`), with the same refusals as
  /// ``withDatabase(creating:_:)``.
  func withOpenDatabase<Result>(
    creating: Bool, _ body: (SessionDatabase) async throws -> Result
  ) async throws -> Result {
    let database = try withDatabase(creating: creating) { $0 }
    return try await body(database)
  }
}
