import ArgumentParser
import ProtocolKit
import SessionModel
import Store

/// `connectage groups plan --study S [--seed N]`: the groups the protocol's stratification proposes
/// from the eligible participants not yet in a group of the study ("cartographie").
struct GroupsPlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Propose groups from the eligible participants, by the protocol's stratification.",
    discussion: """
      One population per memory-disorder status, never mixed; within each, groups of at most the
      protocol's group_size, sizes differing by one at most, balanced on aphasia type then usable
      hand. The same --seed gives the same proposal. Nothing is written: accept it with
      'groups add --proposed --study S --seed N', or register edited groups with 'groups add'.
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var studyOptions: StudyProtocolOptions

  @Option(help: "Seed of the draw (the same seed gives the same proposal).")
  var seed: UInt64 = 1

  func run() throws {
    let clinicalProtocol = try studyOptions.load()
    let (proposal, participants) = try store.withDatabase { database in
      try Self.proposal(for: clinicalProtocol, seed: seed, in: database)
    }
    Terminal.print(Self.text(proposal, participants: participants, study: studyOptions.study, seed: seed))
  }

  /// The proposal, and every participant of the study by code (for the table).
  static func proposal(for clinicalProtocol: ClinicalProtocol, seed: UInt64, in database: SessionDatabase) throws
    -> ([ProposedGroup], [ParticipantCode: Participant])
  {
    guard let stratification = clinicalProtocol.stratification else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "le protocole \(clinicalProtocol.id) n'a pas de « stratification » : ajoutez-la (voir docs/protocol-format.md), ou enregistrez les groupes avec « groups add ».",
          en:
            "the protocol \(clinicalProtocol.id) has no 'stratification': add it (see docs/protocol-format.md), or register groups with 'groups add'."
        ))
    }
    let participants = try database.participants.fetchAll().filter { $0.study == clinicalProtocol.id }
    let groups = try database.groups.fetchAll().filter { $0.study == clinicalProtocol.id }
    let grouped = Set(groups.flatMap(\.members))
    let candidates = participants.filter {
      !grouped.contains($0.code) && clinicalProtocol.check($0, today: StudyProtocolOptions.today).isEligible
    }
    let taken = Set(try database.groups.fetchAll().map(\.id))
    var first = 1
    while taken.contains(GroupID("G\(first < 10 ? "0" : "")\(first)")) { first += 1 }
    let planner = GroupPlanner(groupSize: clinicalProtocol.groupSize, stratification: stratification, seed: seed)
    var proposal = planner.propose(candidates, firstNumber: first)
    // Numbers past the first free one may be taken too: move each group to a free id.
    var used = taken
    for index in proposal.indices {
      var number = first + index
      while used.contains(GroupID("G\(number < 10 ? "0" : "")\(number)")) { number += 1 }
      proposal[index].id = GroupID("G\(number < 10 ? "0" : "")\(number)")
      used.insert(proposal[index].id)
    }
    return (proposal, Dictionary(participants.map { ($0.code, $0) }) { first, _ in first })
  }

  static func text(
    _ proposal: [ProposedGroup], participants: [ParticipantCode: Participant], study: String, seed: UInt64
  ) -> String {
    let language = Terminal.language
    guard !proposal.isEmpty else {
      return LocalizedText(
        fr:
          "Aucun participant éligible sans groupe dans l'étude \(study) : voyez « connectage participants check --study \(study) ».",
        en:
          "No eligible participant without a group in study \(study): see 'connectage participants check --study \(study)'."
      ).text(in: language)
    }
    var lines = [
      LocalizedText(
        fr: "Proposition de groupes (cartographie) pour \(study), graine \(seed) :",
        en: "Proposed groups (cartographie) for \(study), seed \(seed):"
      ).text(in: language)
    ]
    let header = LocalizedText(
      fr: "Groupe|Troubles mnésiques|Bras|Taille|Aphasie|Main|Membres",
      en: "Group|Memory disorder|Arm|Size|Aphasia|Hand|Members")
    var rows = [header.text(in: language).split(separator: "|").map(String.init)]
    for group in proposal {
      let members = group.members.compactMap { participants[$0] }
      rows.append([
        group.id.rawValue, ParticipantLabels.yesNo(group.hasMemoryDisorder).text(in: language), group.arm ?? "",
        "\(group.members.count)", tally(members.map(\.aphasia.rawValue)), tally(members.map(\.usableHand.rawValue)),
        group.members.map(\.rawValue).joined(separator: ","),
      ])
    }
    lines.append(ProtocolInput.table(rows))
    lines.append(
      LocalizedText(
        fr: "Pour accepter : connectage groups add --proposed --study \(study) --seed \(seed)",
        en: "To accept: connectage groups add --proposed --study \(study) --seed \(seed)"
      ).text(in: language))
    lines.append(
      LocalizedText(fr: "Ou modifiez puis enregistrez chaque groupe :", en: "Or edit, then register each group:")
        .text(in: language))
    for group in proposal {
      let arm = group.arm.map { " --arm \($0)" } ?? ""
      lines.append(
        "  connectage groups add \(group.id) --study \(study)\(arm) --members \(group.members.map(\.rawValue).joined(separator: ","))"
      )
    }
    return lines.joined(separator: "\n")
  }

  /// `broca 2, none 3`: how many of each value, in alphabetical order.
  static func tally(_ values: [String]) -> String {
    Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}
