import ArgumentParser

/// `connectage groups`: groups of up to ten participants.
struct GroupsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "groups", abstract: "Add, list and plan groups of up to ten participants.",
    subcommands: [GroupsAddCommand.self, GroupsListCommand.self, GroupsPlanCommand.self])
}
