import ArgumentParser

// Placeholder until its issue lands.
struct AnalyzeAudioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "audio", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« analyze audio » n'est pas encore disponible.", en: "'analyze audio' is not available yet."))
  }
}
