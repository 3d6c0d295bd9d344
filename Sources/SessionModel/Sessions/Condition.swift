/// The experimental condition of a trial: which senses the cue reaches.
public enum Condition: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
  case image
  case imageGame = "image_game"
  case imageScent = "image_scent"
  case imageGameScent = "image_game_scent"

  public var includesGame: Bool { self == .imageGame || self == .imageGameScent }
  public var includesScent: Bool { self == .imageScent || self == .imageGameScent }

  public var label: LocalizedText {
    switch self {
    case .image: LocalizedText(fr: "Image seule", en: "Image only")
    case .imageGame: LocalizedText(fr: "Image et jeu", en: "Image and game")
    case .imageScent: LocalizedText(fr: "Image et odeur", en: "Image and scent")
    case .imageGameScent: LocalizedText(fr: "Image, jeu et odeur", en: "Image, game and scent")
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
