import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct StageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "stage", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« stage » n'est pas encore disponible.", en: "'stage' is not available yet."))
  }
}
