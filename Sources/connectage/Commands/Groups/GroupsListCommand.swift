import ArgumentParser
import SessionModel

/// `connectage groups list`.
struct GroupsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List groups and their members.")

  @OptionGroup var store: StoreOptions

  func run() throws {
    let groups = try store.withDatabase { database in try database.groups.fetchAll() }
    guard !groups.isEmpty else {
      Terminal.say(LocalizedText(fr: "Aucun groupe.", en: "No group."))
      return
    }
    let table = TextTable(
      header: [
        .init(fr: "Groupe", en: "Group"), .init(fr: "Étude", en: "Study"), .init(fr: "Site", en: "Site"),
        .init(fr: "Bras", en: "Arm"), .init(fr: "Participants", en: "Participants"),
      ],
      rows: groups.map { group in
        [
          ParticipantLabels.text(group.id.rawValue), ParticipantLabels.text(group.study?.rawValue),
          ParticipantLabels.text(group.site?.rawValue), ParticipantLabels.text(group.arm),
          ParticipantLabels.text(group.members.map(\.rawValue).joined(separator: ", ")),
        ]
      })
    Terminal.print(table.text(in: Terminal.language))
  }
}
