/// The large picture and colour that stands for one player on the shared screen.
///
/// Colours come from a palette that stays distinct under the common colour-vision
/// deficiencies, and each avatar also has its own shape, so colour is never the
/// only cue.
public struct Avatar: Hashable, Sendable, Codable, Identifiable {
  public var id: AvatarID
  public var name: LocalizedText
  /// `#RRGGBB`.
  public var colour: String
  /// Path of the SVG relative to the assets folder, e.g. `avatars/chat.svg`.
  public var image: String

  public init(id: AvatarID, name: LocalizedText, colour: String, image: String) {
    self.id = id
    self.name = name
    self.colour = colour
    self.image = image
  }
}

extension Avatar {
  /// The ten avatars offered on the join screen, in the order they are offered.
  ///
  /// The first seven colours are the Okabe–Ito palette (without its black, which
  /// would vanish on the dark background); white, ochre and light violet complete
  /// it, told apart by luminance as much as by hue.
  public static let catalogue: [Avatar] = [
    Avatar(id: "chat", name: .init(fr: "Chat", en: "Cat"), colour: "#E69F00", image: "avatars/chat.svg"),
    Avatar(id: "chien", name: .init(fr: "Chien", en: "Dog"), colour: "#56B4E9", image: "avatars/chien.svg"),
    Avatar(id: "lapin", name: .init(fr: "Lapin", en: "Rabbit"), colour: "#009E73", image: "avatars/lapin.svg"),
    Avatar(id: "poule", name: .init(fr: "Poule", en: "Hen"), colour: "#F0E442", image: "avatars/poule.svg"),
    Avatar(id: "poisson", name: .init(fr: "Poisson", en: "Fish"), colour: "#0072B2", image: "avatars/poisson.svg"),
    Avatar(id: "renard", name: .init(fr: "Renard", en: "Fox"), colour: "#D55E00", image: "avatars/renard.svg"),
    Avatar(
      id: "papillon", name: .init(fr: "Papillon", en: "Butterfly"), colour: "#CC79A7", image: "avatars/papillon.svg"),
    Avatar(id: "tortue", name: .init(fr: "Tortue", en: "Tortoise"), colour: "#FFFFFF", image: "avatars/tortue.svg"),
    Avatar(id: "theiere", name: .init(fr: "Théière", en: "Teapot"), colour: "#A6761D", image: "avatars/theiere.svg"),
    Avatar(id: "velo", name: .init(fr: "Vélo", en: "Bicycle"), colour: "#B4A7D6", image: "avatars/velo.svg"),
  ]
}
