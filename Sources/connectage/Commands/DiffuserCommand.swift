import ArgumentParser

/// `connectage diffuser …`: find, check, stop and simulate the scent diffuser.
struct DiffuserCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diffuser",
    abstract: "Find, check, stop and simulate the 30-scent diffuser.",
    subcommands: [
      DiffuserScanCommand.self, DiffuserTestCommand.self, DiffuserStopAllCommand.self,
      DiffuserSimulateCommand.self, DiffuserLatencyCommand.self,
    ])
}
