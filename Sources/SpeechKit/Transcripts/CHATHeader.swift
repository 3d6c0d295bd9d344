/// A CHAT header line such as `@Participants:\tPAR Participant` or `@Bg` (no value).
public struct CHATHeader: Hashable, Sendable, Codable {
  /// The name without `@` and `:`, e.g. `Participants`.
  public var name: String
  /// The text after the tab, or nil for headers without a value (`@Begin`, `@Bg`).
  public var value: String?

  public init(name: String, value: String? = nil) {
    self.name = name
    self.value = value
  }

  /// The header as written in a CHAT file.
  public var line: String {
    value.map { "@\(name):\t\($0)" } ?? "@\(name)"
  }
}
