/// Idea units (propositions) of one speaker and their density per 10 words.
public struct IdeaDensity: Hashable, Sendable, Codable {
  /// The automatic method, reported as `ideas_method` by `analyze transcript --jsonl`.
  public var method: String
  public var ideas: Int
  /// Countable words (`words` of the rule set), the denominator.
  public var words: Int
  /// `ideas / words × 10`; nil without words.
  public var density: Double?
  /// Ideas by class (`verb`, `adjective`…), for checking the figure.
  public var byKind: [String: Int]

  enum CodingKeys: String, CodingKey {
    case method, ideas, words, density
    case byKind = "by_kind"
  }
}
