import ArgumentParser

// Placeholder until its issue lands.
struct AnalyzeTranscriptCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "transcript", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« analyze transcript » n'est pas encore disponible.", en: "'analyze transcript' is not available yet."))
  }
}
