import ArgumentParser

/// `connectage session`: what happened around a planned session: attendance and make-ups.
struct SessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session", abstract: "Record attendance at planned sessions, and make-up sessions.",
    subcommands: [SessionAttendanceCommand.self, SessionMakeUpCommand.self])
}
