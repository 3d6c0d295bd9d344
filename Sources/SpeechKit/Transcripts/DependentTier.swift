/// A CHAT dependent tier (`%mor:\t…`) attached to the utterance above it.
public struct DependentTier: Hashable, Sendable, Codable {
  /// The tier name without `%` and `:`, e.g. `mor`, `wor`, `com`.
  public var name: String
  public var text: String

  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }
}
