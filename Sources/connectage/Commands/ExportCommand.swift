import ArgumentParser

/// `connectage export`: files for analysis outside ConnectAge.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export measures and events for analysis.",
    subcommands: [ExportCSVCommand.self])
}
