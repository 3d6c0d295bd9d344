import ArgumentParser

/// `connectage report`: pages for the therapist and the investigator, in HTML and PDF.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a session, participant or study report (self-contained HTML, and PDF through Chromium).",
    subcommands: [ReportSessionCommand.self, ReportParticipantCommand.self, ReportStudyCommand.self])
}
