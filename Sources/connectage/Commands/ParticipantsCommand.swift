import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct ParticipantsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "participants", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« participants » n'est pas encore disponible.", en: "'participants' is not available yet."))
  }
}
