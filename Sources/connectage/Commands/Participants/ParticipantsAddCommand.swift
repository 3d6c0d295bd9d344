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
      hasMemoryDisorder: memoryDisorder)
    try store.withDatabase(creating: true) { database in
      participant.code = try ParticipantCodeArgument.parseNew(code, study: participant.study, in: database)
      try database.participants.add(participant)
    }
    Terminal.say(
      LocalizedText(fr: "Participant \(participant.code) ajouté.", en: "Participant \(participant.code) added."))
  }
}
