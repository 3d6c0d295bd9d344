import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct DiffuserCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "diffuser", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« diffuser » n'est pas encore disponible.", en: "'diffuser' is not available yet."))
  }
}
