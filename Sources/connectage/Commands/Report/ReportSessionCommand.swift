import ArgumentParser
import Research
import SessionModel

/// `connectage report session SESSION`: the therapist's page for one session.
struct ReportSessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "One session: attendance and seats, each patient's answers, scents, operator actions, incidents.")

  @Argument(help: ArgumentHelp("The session's identifier.", valueName: "session")) var session: String
  @OptionGroup var options: ReportOptions

  func run() throws {
    let id = SessionID(rawValue: session)
    try options.write(named: ReportFile.name("session", session)) { database, language in
      try Reports.session(id, in: database).html(in: language)
    }
  }
}
