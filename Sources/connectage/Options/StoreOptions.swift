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

  /// Opens the database and runs `body`, turning the store's refusals into the project's exit codes.
  func withDatabase<Result>(_ body: (SessionDatabase) throws -> Result) throws -> Result {
    do {
      return try body(SessionDatabase(path: resolvedPath))
    } catch let error as StoreError {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }
}
