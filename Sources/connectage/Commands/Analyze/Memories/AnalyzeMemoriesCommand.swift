import ArgumentParser

/// `connectage analyze memories`: the coders' workflow that turns the automatic pre-coding of
/// memories into confirmed counts (`memories_n`).
struct AnalyzeMemoriesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memories",
    abstract: "Code the memories evoked in answers: export a coding sheet, import it filled.",
    discussion: """
      Export a coding sheet (one row per measured answer, without the condition), let a coder fill \
      memories_n and coder in a spreadsheet, then import it: memories_n reaches measures.csv and stats.
      """,
    subcommands: [AnalyzeMemoriesExportCommand.self, AnalyzeMemoriesImportCommand.self])
}
