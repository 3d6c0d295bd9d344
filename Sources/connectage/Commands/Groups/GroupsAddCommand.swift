import ArgumentParser
import SessionModel

/// `connectage groups add ID --members P01,P02,… [--study] [--site] [--arm]`, or
/// `connectage groups add --proposed --study S --seed N` to accept what `groups plan` proposed.
struct GroupsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a group of up to ten participants who already exist.")

  @OptionGroup var store: StoreOptions

  @Argument(help: "Group identifier, e.g. G1 (not with --proposed).")
  var id: String?

  @Option(help: "Participant codes separated by commas, e.g. P01,P02,P03.")
  var members: String?

  @Flag(help: "Register every group 'groups plan --study S --seed N' proposes, as it shows them.")
  var proposed = false

  @Option(help: "With --proposed: the seed given to 'groups plan'.")
  var seed: UInt64 = 1

  @Option(
    name: .customLong("protocol"),
    help: ArgumentHelp(
      "With --proposed: the study's protocol file (default: Protocols/<study>.yaml).", valueName: "file"))
  var protocolFile: String?

  @OptionGroup var assets: AssetsOption

  @Option(help: "Study identifier.") var study: String?
  @Option(help: "Site identifier.") var site: String?
  @Option(help: "Protocol arm.") var arm: String?

  func run() throws {
    if proposed { return try addProposed() }
    guard let id, let members else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "indiquez le groupe et ses membres (groups add G01 --members P01,P02,…), ou --proposed --study S.",
          en: "name the group and its members (groups add G01 --members P01,P02,…), or --proposed --study S."))
    }
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

  /// Registers the whole proposal in one transaction: all groups, or none when one is refused.
  private func addProposed() throws {
    guard let study, id == nil, members == nil else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--proposed prend --study (et --seed) mais ni identifiant de groupe ni --members.",
          en: "--proposed takes --study (and --seed) but neither a group identifier nor --members."))
    }
    let clinicalProtocol = try StudyProtocolOptions.load(study: study, file: protocolFile, assets: assets)
    let proposal = try store.withDatabase(creating: false) { database in
      let (proposal, _) = try GroupsPlanCommand.proposal(for: clinicalProtocol, seed: seed, in: database)
      try database.groups.add(
        proposal.map {
          ParticipantGroup(
            id: $0.id, study: clinicalProtocol.id, site: site.map(SiteID.init(rawValue:)), arm: $0.arm,
            members: $0.members)
        })
      return proposal
    }
    for group in proposal {
      Terminal.say(
        LocalizedText(
          fr: "Groupe \(group.id) ajouté : \(group.members.map(\.rawValue).joined(separator: ", ")).",
          en: "Group \(group.id) added: \(group.members.map(\.rawValue).joined(separator: ", "))."))
    }
  }
}
