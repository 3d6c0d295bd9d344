import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct DatabaseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "db", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« db » n'est pas encore disponible.", en: "'db' is not available yet."))
  }
}
