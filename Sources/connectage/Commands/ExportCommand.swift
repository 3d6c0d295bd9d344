import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "export", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« export » n'est pas encore disponible.", en: "'export' is not available yet."))
  }
}
