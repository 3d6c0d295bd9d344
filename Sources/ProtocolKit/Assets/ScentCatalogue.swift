import Foundation
import SessionModel
import Yams

/// The thirty scents loaded in the diffuser, one per channel, read from `Protocols/scents.yaml`.
public struct ScentCatalogue: Hashable, Sendable {
  /// In channel order.
  public var scents: [Scent]

  public init(scents: [Scent]) {
    self.scents = scents.sorted { $0.slot < $1.slot }
  }

  public func scent(_ id: ScentID) -> Scent? { scents.first { $0.id == id } }
  public func scent(in slot: CartridgeSlot) -> Scent? { scents.first { $0.slot == slot } }

  /// Reads and checks a catalogue: known keys, channels unique and within 1–30, families known.
  public static func load(contentsOf url: URL) throws(ProtocolValidationFailure) -> ScentCatalogue {
    let problems = ProblemCollector(file: url.relativePath)
    let root = try YAMLDocument.root(ofFileAt: url, reportingTo: problems)
    return try load(root, problems: problems)
  }

  /// Checks a catalogue already composed, reporting to the collector that composed it.
  static func load(_ root: Node?, problems: ProblemCollector) throws(ProtocolValidationFailure) -> ScentCatalogue {
    let catalogue = read(root, problems: problems)
    if let failure = problems.failure { throw failure }
    return catalogue ?? ScentCatalogue(scents: [])
  }

  static func read(_ root: Node?, problems: ProblemCollector) -> ScentCatalogue? {
    guard let root,
      let file = MappingReader(
        root, keys: ["format", "scents"], problems: problems,
        what: LocalizedText(fr: "Le catalogue d'odeurs", en: "The scent catalogue"))
    else { return nil }
    guard FormatCheck.expect(ProtocolFormat.scentsV1, in: file, problems: problems),
      let list = file.required("scents")
    else { return nil }
    let values = ValueReader(problems: problems)
    guard let items = values.sequence(list, key: "scents") else { return nil }
    var scents: [Scent] = []
    var channelOwners: [Int: String] = [:]
    var seen: Set<String> = []
    for item in items {
      guard
        let entry = MappingReader(
          item, keys: ["id", "channel", "name", "family", "allergens"], problems: problems,
          what: LocalizedText(fr: "Chaque odeur", en: "Each scent"))
      else { continue }
      let idNode = entry.required("id")
      let id = idNode.flatMap { values.slug($0, key: "id") }
      if let id, let idNode, !seen.insert(id).inserted {
        problems.report(ProblemText.duplicate(id, key: "scents"), at: idNode)
      }
      let channelNode = entry.required("channel")
      let channel = channelNode.flatMap { values.integer($0, key: "channel", in: CartridgeSlot.range) }
      if let channel, let channelNode, let id {
        if let owner = channelOwners[channel] {
          problems.report(ProblemText.channelTaken(channel, by: owner), at: channelNode)
        } else {
          channelOwners[channel] = id
        }
      }
      let name = entry.required("name").flatMap { values.localizedText($0, key: "name") }
      let family = entry.required("family").flatMap { values.choice($0, key: "family", as: ScentFamily.self) }
      let allergens = entry.required("allergens").flatMap { values.string($0, key: "allergens") }
      if let id, let channel, let slot = CartridgeSlot(rawValue: channel), let name, let family, let allergens {
        scents.append(Scent(id: ScentID(id), slot: slot, name: name, family: family, allergenNotes: allergens))
      }
    }
    return ScentCatalogue(scents: scents)
  }
}
