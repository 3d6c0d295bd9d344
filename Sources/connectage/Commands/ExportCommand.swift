import ArgumentParser

/// `connectage export`: files for analysis outside ConnectAge.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export measures, events, transcripts and TextGrids for analysis.",
    subcommands: [ExportCSVCommand.self, ExportCHATCommand.self, ExportTextGridsCommand.self, ExportAllCommand.self])
}
