import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct GroupsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "groups", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« groups » n'est pas encore disponible.", en: "'groups' is not available yet."))
  }
}
