/// One word counted as a proposition: its position among the analysed tokens and its class.
public struct Proposition: Hashable, Sendable, Codable {
  /// The token (clitics split, lower case), e.g. `étais`.
  public var token: String
  /// 0-based position among the tokens of the analysed word list.
  public var index: Int
  public var kind: PropositionKind
}
