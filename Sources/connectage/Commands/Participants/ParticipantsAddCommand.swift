import ArgumentParser
import Foundation
import SessionModel

/// `connectage participants add CODE [...]`.
struct ParticipantsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a participant under a pseudonymous code (never a name).")

  @OptionGroup var store: StoreOptions

  @Argument(
    help:
      "Pseudonymous code: capital letters, digits and dashes with at least one digit, e.g. P01 (or the study protocol's participant_code_pattern)."
  )
  var code: String

  @Option(help: "Study identifier.") var study: String?
  @Option(help: "Protocol arm.") var arm: String?
  @Option(help: "Usable hand: left, right or both.") var hand = UsableHand.both.rawValue
  @Flag(help: "Wears glasses.") var glasses = false
  @Flag(help: "Wears a hearing aid.") var hearingAid = false
  @Option(help: "Smell screening: not_screened, normal, hyposmic or anosmic.")
  var smell = SmellScreening.notScreened.rawValue
  @Option(help: "Aphasia type, e.g. none, broca, wernicke, anomic.") var aphasia = AphasiaType.none.rawValue
  @Flag(help: "Has a memory disorder.") var memoryDisorder = false
  @Option(help: "Month and year of the stroke, YYYY-MM (never the day).") var strokeMonth: String?
  @Option(help: "Number of strokes the patient has had (1 for a single stroke).") var strokes: Int?
  @Option(help: "Side of the lesion: left, right or bilateral.") var lesion: String?
  @Option(
    help:
      "Language assessment: not_assessed, no_disorder, comprehension_disorder, expression_disorder or both_disorders."
  )
  var languageAssessment = LanguageAssessment.notAssessed.rawValue

  func run() throws {
    // Without a study whose protocol says otherwise, the standard pattern applies: refuse a name
    // before any database file is created for it.
    if study == nil || !FileManager.default.fileExists(atPath: store.resolvedPath) {
      _ = try ParticipantCodeArgument.parseNew(code, pattern: .standard)
    }
    var participant = Participant(
      code: try ParticipantCodeArgument.parse(code),
      study: study.map(StudyID.init(rawValue:)),
      arm: arm,
      usableHand: try ChoiceArgument.parse(hand, option: "--hand"),
      wearsGlasses: glasses,
      wearsHearingAid: hearingAid,
      smell: try ChoiceArgument.parse(smell, option: "--smell"),
      aphasia: try ChoiceArgument.parse(aphasia, option: "--aphasia"),
      hasMemoryDisorder: memoryDisorder,
      strokeMonth: try strokeMonth.map(Self.strokeMonth),
      strokeCount: try strokes.map(Self.strokeCount),
      lesionSide: try lesion.map { try ChoiceArgument.parse($0, option: "--lesion") },
      languageAssessment: try ChoiceArgument.parse(languageAssessment, option: "--language-assessment"))
    try store.withDatabase(creating: true) { database in
      participant.code = try ParticipantCodeArgument.parseNew(code, study: participant.study, in: database)
      try database.participants.add(participant)
    }
    Terminal.say(
      LocalizedText(fr: "Participant \(participant.code) ajouté.", en: "Participant \(participant.code) added."))
  }

  /// `2026-09`; a full date is refused, since the day could help identify the patient.
  static func strokeMonth(_ text: String) throws -> StrokeMonth {
    guard let month = StrokeMonth(text) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "--stroke-month : « \(text) » n'est pas un mois. Écrivez seulement l'année et le mois, AAAA-MM (par exemple 2026-09) : le jour n'est jamais enregistré.",
          en:
            "--stroke-month: '\(text)' is not a month. Write only the year and month, YYYY-MM (for example 2026-09): the day is never recorded."
        ))
    }
    return month
  }

  static func strokeCount(_ count: Int) throws -> Int {
    guard (1...20).contains(count) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--strokes doit être entre 1 et 20 (reçu \(count)).",
          en: "--strokes must be between 1 and 20 (got \(count))."))
    }
    return count
  }
}
