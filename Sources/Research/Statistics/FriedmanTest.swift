/// Friedman's rank test of k related samples (participants × conditions), with Kendall's W.
///
/// Ranks are taken within each participant, ties averaged; the statistic is corrected for ties
/// as `scipy.stats.friedmanchisquare` does, and its p-value is the chi-square approximation with
/// k − 1 degrees of freedom. W = χ² / (n (k − 1)), from 0 (no agreement among participants on the
/// order of conditions) to 1 (all rank them alike).
public struct FriedmanTest: Hashable, Sendable, Codable {
  /// Participants (blocks) with a value in every condition.
  public var participants: Int
  public var conditions: Int
  public var statistic: Double
  public var degreesOfFreedom: Int
  public var pValue: Double
  public var kendallW: Double
  /// Mean rank of each condition, in the order of the columns given.
  public var meanRanks: [Double]

  /// `blocks[i][j]` is participant i's value in condition j; every row has the same length.
  /// Returns `nil` below two conditions or two participants, or when every row is all ties.
  public init?(blocks: [[Double]]) {
    guard let k = blocks.first?.count, k >= 2, blocks.count >= 2, blocks.allSatisfy({ $0.count == k }) else {
      return nil
    }
    let n = Double(blocks.count)
    let kk = Double(k)
    var rankSums = [Double](repeating: 0, count: k)
    var tieSum = 0.0
    for row in blocks {
      let ranking = Ranking(row)
      for (column, rank) in ranking.ranks.enumerated() { rankSums[column] += rank }
      tieSum += ranking.tieSum
    }
    let correction = 1 - tieSum / (n * kk * (kk * kk - 1))
    guard correction > 0 else { return nil }
    let raw = 12 / (n * kk * (kk + 1)) * rankSums.reduce(0) { $0 + $1 * $1 } - 3 * n * (kk + 1)
    statistic = raw / correction
    participants = blocks.count
    conditions = k
    degreesOfFreedom = k - 1
    pValue = SpecialFunctions.chiSquareUpperTail(statistic, degreesOfFreedom: kk - 1)
    kendallW = statistic / (n * (kk - 1))
    meanRanks = rankSums.map { $0 / n }
  }

  enum CodingKeys: String, CodingKey {
    case participants = "n", conditions = "k", statistic = "chi_square", degreesOfFreedom = "df"
    case pValue = "p", kendallW = "kendall_w", meanRanks = "mean_ranks"
  }
}
