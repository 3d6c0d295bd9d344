import ArgumentParser
import Research
import SessionModel

/// `connectage report participant CODE --study S`: one patient's course over the trial.
struct ReportParticipantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "participant",
    abstract: "One participant over a study: attendance, measures per condition across sessions, transcripts.")

  @Argument(help: ArgumentHelp("The participant's pseudonymous code.", valueName: "code")) var code: String
  @Option(help: "The study.") var study: String
  @OptionGroup var options: ReportOptions

  func run() throws {
    guard let participant = ParticipantCode(rawValue: code) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "« \(code) » n'est pas un code de participant valide.", en: "'\(code)' is not a valid participant code."))
    }
    try options.write(named: ReportFile.name("participant", code)) { database, language in
      try Reports.participant(participant, study: StudyID(rawValue: study), in: database).html(in: language)
    }
  }
}
