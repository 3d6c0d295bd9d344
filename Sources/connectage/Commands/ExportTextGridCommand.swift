import ArgumentParser

// Placeholder until its issue lands: the command exists so the subcommand list is stable.
struct ExportTextGridCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "export-textgrid", abstract: "Not available yet.")

  func run() async throws {
    throw CommandFailure.runtime(.init(fr: "« export-textgrid » n'est pas encore disponible.", en: "'export-textgrid' is not available yet."))
  }
}
