import ArgumentParser
import Foundation
import SessionModel

/// `connectage participants list [--json]`.
struct ParticipantsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List participants by code.")

  @OptionGroup var store: StoreOptions

  @Flag(help: "Print JSON (one object per participant) instead of a table.")
  var json = false

  func run() throws {
    let participants = try store.withDatabase { database in try database.participants.fetchAll() }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      Terminal.print(String(decoding: try encoder.encode(participants), as: UTF8.self))
      return
    }
    guard !participants.isEmpty else {
      Terminal.say(LocalizedText(fr: "Aucun participant.", en: "No participant."))
      return
    }
    let table = TextTable(
      header: [
        .init(fr: "Code", en: "Code"), .init(fr: "Étude", en: "Study"), .init(fr: "Bras", en: "Arm"),
        .init(fr: "Main", en: "Hand"), .init(fr: "Lunettes", en: "Glasses"),
        .init(fr: "Appareil auditif", en: "Hearing aid"), .init(fr: "Odorat", en: "Smell"),
        .init(fr: "Aphasie", en: "Aphasia"), .init(fr: "Troubles mnésiques", en: "Memory disorder"),
      ],
      rows: participants.map { participant in
        [
          ParticipantLabels.text(participant.code.rawValue), ParticipantLabels.text(participant.study?.rawValue),
          ParticipantLabels.text(participant.arm), ParticipantLabels.hand(participant.usableHand),
          ParticipantLabels.yesNo(participant.wearsGlasses), ParticipantLabels.yesNo(participant.wearsHearingAid),
          ParticipantLabels.smell(participant.smell), ParticipantLabels.aphasia(participant.aphasia),
          ParticipantLabels.yesNo(participant.hasMemoryDisorder),
        ]
      })
    Terminal.print(table.text(in: Terminal.language))
  }
}
