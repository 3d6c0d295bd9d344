import ArgumentParser

// Placeholder until its issue lands.
struct AnalyzeTrialCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "trial", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« analyze trial » n'est pas encore disponible.", en: "'analyze trial' is not available yet."))
  }
}
