import ArgumentParser

/// `connectage protocol …`: check protocol files, plan counterbalanced sessions, date them.
struct ProtocolCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "protocol",
    abstract: "Validate protocol files, plan counterbalanced sessions and date them.",
    subcommands: [
      ProtocolValidateCommand.self, ProtocolPlanCommand.self, ProtocolScheduleCommand.self, ProtocolPowerCommand.self,
    ])
}
