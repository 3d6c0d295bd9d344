import ArgumentParser

/// `connectage stage …`: the shared screen on its own, without a session.
struct StageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stage", abstract: "The shared screen: a guided tour of every scene.",
    subcommands: [StageTourCommand.self])
}
