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
  /// Participants whose two means differ: the pairs the test ranks (equal means are dropped).
  public var differing: Int
  /// `nil` when fewer than ``WilcoxonSignedRankTest/minimumPairs`` participants differ
  /// (``whyNotComputed`` says why).
  public var test: WilcoxonSignedRankTest?
  public var holmAdjustedP: Double?

  public init(
    first: Condition, second: Condition, participants: Int, excluded: Int, differing: Int,
    test: WilcoxonSignedRankTest?, holmAdjustedP: Double?
  ) {
    self.first = first
    self.second = second
    self.participants = participants
    self.excluded = excluded
    self.differing = differing
    self.test = test
    self.holmAdjustedP = holmAdjustedP
  }

  /// Why there is no test, for the reader of the report; `nil` when there is one.
  public var whyNotComputed: LocalizedText? {
    guard test == nil else { return nil }
    if participants == 0 {
      return LocalizedText(fr: "aucun participant n'a les deux conditions", en: "no participant has both conditions")
    }
    if differing == 0 {
      return LocalizedText(
        fr: "aucune différence chez les \(participants) participant(s)",
        en: "no difference in the \(participants) participant(s)")
    }
    return LocalizedText(
      fr: "une différence chez \(differing) participant(s) sur \(participants) ; il en faut au moins deux",
      en: "a difference in \(differing) of \(participants) participant(s); at least two are needed")
  }

  enum CodingKeys: String, CodingKey {
    case first, second, participants, excluded, differing, test = "wilcoxon", holmAdjustedP = "p_holm"
  }
}
