/// A natural scent loaded in one cartridge of the diffuser.
public struct Scent: Hashable, Sendable, Codable, Identifiable {
  /// A lower-case French slug, e.g. `pomme`, `herbe-coupee`.
  public var id: ScentID
  public var slot: CartridgeSlot
  public var name: LocalizedText
  public var family: ScentFamily
  /// What a nurse should know before releasing it (e.g. "linalol (allergène déclaré)").
  public var allergenNotes: String
  /// Path of the illustration relative to the assets folder, e.g. `scents/pomme.svg`.
  public var image: String

  public init(
    id: ScentID, slot: CartridgeSlot, name: LocalizedText, family: ScentFamily,
    allergenNotes: String = "", image: String? = nil
  ) {
    self.id = id
    self.slot = slot
    self.name = name
    self.family = family
    self.allergenNotes = allergenNotes
    self.image = image ?? "scents/\(id.rawValue).svg"
  }
}

/// Broad odour families, used to avoid two similar scents in a row.
public enum ScentFamily: String, CaseIterable, Sendable, Codable {
  case fruit
  case flower
  case food
  case drink
  case nature
  case household
  case wood
  case sea
}
