import ArgumentParser

/// `connectage db`: the health of the database file.
struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db", abstract: "Check the database.",
    subcommands: [DatabaseCheckCommand.self, AppendEventsCommand.self])
}
