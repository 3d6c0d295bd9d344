import SessionModel

/// An avatar as the Stage draws it: found in the catalogue and its colour parsed once for the
/// whole run, since every frame draws up to ten of them.
struct ResolvedAvatar: Sendable {
  /// The ring around the picture; plain text colour when the catalogue's colour is malformed.
  var ring: Colour
  /// Path of the picture relative to the assets folder.
  var image: String
  var name: LocalizedText

  init(_ avatar: Avatar) {
    ring = Colour(hex: avatar.colour) ?? Palette.text
    image = avatar.image
    name = avatar.name
  }

  /// The catalogue by ID; an ID missing from it is drawn as a plain ring without a picture.
  static let catalogue: [AvatarID: ResolvedAvatar] = Dictionary(
    Avatar.catalogue.map { ($0.id, ResolvedAvatar($0)) }, uniquingKeysWith: { first, _ in first })
}
