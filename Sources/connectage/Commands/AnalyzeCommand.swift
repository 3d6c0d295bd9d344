import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct AnalyzeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« analyze » n'est pas encore disponible.", en: "'analyze' is not available yet."))
  }
}
