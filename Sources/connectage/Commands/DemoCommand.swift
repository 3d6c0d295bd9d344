import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "demo", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« demo » n'est pas encore disponible.", en: "'demo' is not available yet."))
  }
}
