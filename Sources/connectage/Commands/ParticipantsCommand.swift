import ArgumentParser

/// `connectage participants`: the pseudonymous participants of the database.
struct ParticipantsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "participants",
    abstract: "Add, list and show participants (pseudonymous codes only).",
    subcommands: [
      ParticipantsAddCommand.self, ParticipantsListCommand.self, ParticipantsShowCommand.self,
      ParticipantsCheckCommand.self,
    ])
}
