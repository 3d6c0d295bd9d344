import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct ProtocolCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "protocol", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« protocol » n'est pas encore disponible.", en: "'protocol' is not available yet."))
  }
}
