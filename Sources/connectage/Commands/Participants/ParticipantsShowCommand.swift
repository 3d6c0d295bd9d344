import ArgumentParser
import SessionModel
import Store

/// `connectage participants show CODE`.
struct ParticipantsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one participant's planning fields and groups.")

  @OptionGroup var store: StoreOptions

  @Argument(help: "Participant code, e.g. P01.")
  var code: String

  func run() throws {
    let code = try ParticipantCodeArgument.parse(code)
    let (participant, groups) = try store.withDatabase { database in
      guard let participant = try database.participants.fetch(code) else {
        throw StoreError.unknownParticipant(code)
      }
      return (participant, try database.groups.groups(of: code))
    }
    let groupList = groups.isEmpty ? nil : groups.map(\.rawValue).joined(separator: ", ")
    let lines: [(LocalizedText, LocalizedText)] = [
      (.init(fr: "Étude", en: "Study"), ParticipantLabels.text(participant.study?.rawValue)),
      (.init(fr: "Bras", en: "Arm"), ParticipantLabels.text(participant.arm)),
      (.init(fr: "Main utilisable", en: "Usable hand"), ParticipantLabels.hand(participant.usableHand)),
      (.init(fr: "Lunettes", en: "Glasses"), ParticipantLabels.yesNo(participant.wearsGlasses)),
      (.init(fr: "Appareil auditif", en: "Hearing aid"), ParticipantLabels.yesNo(participant.wearsHearingAid)),
      (.init(fr: "Odorat", en: "Smell"), ParticipantLabels.smell(participant.smell)),
      (.init(fr: "Aphasie", en: "Aphasia"), ParticipantLabels.aphasia(participant.aphasia)),
      (.init(fr: "Troubles mnésiques", en: "Memory disorder"), ParticipantLabels.yesNo(participant.hasMemoryDisorder)),
      (.init(fr: "Mois de l'AVC", en: "Stroke month"), ParticipantLabels.text(participant.strokeMonth?.description)),
      (.init(fr: "Nombre d'AVC", en: "Strokes"), ParticipantLabels.text(participant.strokeCount.map(String.init))),
      (.init(fr: "Côté de la lésion", en: "Lesion side"), ParticipantLabels.text(participant.lesionSide?.rawValue)),
      (
        .init(fr: "Bilan du langage", en: "Language assessment"),
        ParticipantLabels.text(participant.languageAssessment.rawValue)
      ),
      (.init(fr: "Groupes", en: "Groups"), ParticipantLabels.text(groupList)),
    ]
    let language = Terminal.language
    let separator = language == .french ? " : " : ": "
    Terminal.print(
      (["Participant \(participant.code)"]
        + lines.map { "  " + $0.0.text(in: language) + separator + $0.1.text(in: language) })
        .joined(separator: "\n"))
  }
}
