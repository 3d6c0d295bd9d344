import ArgumentParser
import Research
import SessionModel

/// `connectage report study S`: the trial at a glance for the investigator.
struct ReportStudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "One study: enrolment, attendance, completeness, condition summaries, primary and secondary analyses.")

  @Argument(help: ArgumentHelp("The study's identifier.", valueName: "study")) var study: String
  @OptionGroup var options: ReportOptions

  func run() throws {
    try options.write(named: ReportFile.name("study", study)) { database, language in
      try Reports.study(StudyID(rawValue: study), in: database).html(in: language)
    }
  }
}
