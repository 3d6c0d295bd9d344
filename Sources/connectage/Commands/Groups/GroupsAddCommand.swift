import ArgumentParser
import SessionModel

/// `connectage groups add ID --members P01,P02,… [--study] [--site] [--arm]`.
struct GroupsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a group of up to ten participants who already exist.")

  @OptionGroup var store: StoreOptions

  @Argument(help: "Group identifier, e.g. G1.")
  var id: String

  @Option(help: "Participant codes separated by commas, e.g. P01,P02,P03.")
  var members: String

  @Option(help: "Study identifier.") var study: String?
  @Option(help: "Site identifier.") var site: String?
  @Option(help: "Protocol arm.") var arm: String?

  func run() throws {
    guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "« \(id) » n'est pas un identifiant de groupe : utilisez des lettres, chiffres ou tirets sans espace (par exemple G1).",
          en: "'\(id)' is not a group identifier: use letters, digits or dashes without spaces (for example G1)."))
    }
    let codes = try members.split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .map(ParticipantCodeArgument.parse)
    let group = ParticipantGroup(
      id: GroupID(rawValue: id), study: study.map(StudyID.init(rawValue:)), site: site.map(SiteID.init(rawValue:)),
      arm: arm, members: codes)
    try store.withDatabase(creating: true) { database in try database.groups.add(group) }
    let list = codes.map(\.rawValue).joined(separator: ", ")
    Terminal.say(
      LocalizedText(
        fr: "Groupe \(id) ajouté avec \(codes.count) participant\(codes.count > 1 ? "s" : "") : \(list).",
        en: "Group \(id) added with \(codes.count) participant\(codes.count > 1 ? "s" : ""): \(list)."))
  }
}
