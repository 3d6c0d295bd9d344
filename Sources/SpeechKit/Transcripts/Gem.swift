/// A CHAT gem: the label of a stretch of the file, used for one trial (`@G:\tT03 image+odeur`).
public struct Gem: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    /// `@G:` — "lazy" gem, runs until the next `@G:`.
    case lazy
    /// `@Bg:` … `@Eg:` pair.
    case scoped
  }

  public var label: String
  public var kind: Kind

  public init(label: String, kind: Kind) {
    self.label = label
    self.kind = kind
  }
}
