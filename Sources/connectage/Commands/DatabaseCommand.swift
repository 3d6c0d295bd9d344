import ArgumentParser

/// `connectage db`: the health of the database file.
struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db", abstract: "Check the database and recover sessions a crash interrupted.",
    subcommands: [DatabaseCheckCommand.self, DatabaseRecoverCommand.self, AppendEventsCommand.self])
}
