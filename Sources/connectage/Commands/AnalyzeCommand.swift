import ArgumentParser

/// `connectage analyze`: measures answers from recordings and transcripts.
struct AnalyzeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Measure speech timing, word counts, ideas and memories.",
    subcommands: [
      AnalyzeAudioCommand.self, AnalyzeTranscriptCommand.self, AnalyzeTrialCommand.self, AnalyzeSessionCommand.self,
      AnalyzeMemoriesCommand.self,
    ])
}
