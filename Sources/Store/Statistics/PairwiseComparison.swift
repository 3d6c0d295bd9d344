import SessionModel

/// Two conditions compared on the participants who have both, by Wilcoxon's signed-rank test,
/// with the Holm-adjusted p-value over all pairs of the measure.
public struct PairwiseComparison: Hashable, Sendable, Codable {
  public var first: Condition
  public var second: Condition
  /// Participants with a mean in both conditions.
  public var participants: Int
  /// Participants left out because one of the two cells is empty.
  public var excluded: Int
  /// `nil` when no participant has both, or none differs.
  public var test: WilcoxonSignedRankTest?
  public var holmAdjustedP: Double?

  public init(
    first: Condition, second: Condition, participants: Int, excluded: Int, test: WilcoxonSignedRankTest?,
    holmAdjustedP: Double?
  ) {
    self.first = first
    self.second = second
    self.participants = participants
    self.excluded = excluded
    self.test = test
    self.holmAdjustedP = holmAdjustedP
  }

  enum CodingKeys: String, CodingKey {
    case first, second, participants, excluded, test = "wilcoxon", holmAdjustedP = "p_holm"
  }
}
