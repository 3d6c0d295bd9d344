import Foundation

/// Wilcoxon's signed-rank test of paired values, two-sided.
///
/// Zero differences are dropped before ranking (Wilcoxon's method, `zero_method="wilcox"`).
/// Without ties or zeros and with at most 50 pairs the p-value is exact (the distribution of W⁺
/// counted by dynamic programming); otherwise it is the normal approximation with the tie
/// correction of the variance and no continuity correction, which is what
/// `scipy.stats.wilcoxon(x, y, method="approx")` computes.
public struct WilcoxonSignedRankTest: Hashable, Sendable, Codable {
  public enum Method: String, Hashable, Sendable, Codable {
    case exact
    case normal
  }

  /// Pairs with a non-zero difference.
  public var pairs: Int
  /// Pairs dropped because both values were equal.
  public var zeroDifferences: Int
  /// Sum of the ranks of positive differences (x − y > 0).
  public var positiveRankSum: Double
  public var negativeRankSum: Double
  /// min(W⁺, W⁻), the statistic scipy reports.
  public var statistic: Double
  public var pValue: Double
  public var method: Method
  /// Matched-pairs rank-biserial correlation (W⁺ − W⁻) / (W⁺ + W⁻), from −1 to 1; positive when x tends to exceed y.
  public var rankBiserial: Double

  /// Fewest pairs with a non-zero difference the test is computed on. With one, both signs are
  /// equally likely whatever the data, so p would be 1 by construction, not evidence of no effect.
  public static let minimumPairs = 2

  /// Returns `nil` when the samples differ in length or fewer than ``minimumPairs`` pairs differ.
  public init?(_ x: [Double], _ y: [Double]) {
    guard x.count == y.count else { return nil }
    let differences = zip(x, y).map { $0 - $1 }.filter { $0 != 0 }
    guard differences.count >= Self.minimumPairs else { return nil }
    let ranking = Ranking(differences.map(abs))
    positiveRankSum = zip(differences, ranking.ranks).filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
    negativeRankSum = zip(differences, ranking.ranks).filter { $0.0 < 0 }.reduce(0) { $0 + $1.1 }
    pairs = differences.count
    zeroDifferences = x.count - differences.count
    statistic = min(positiveRankSum, negativeRankSum)
    rankBiserial = (positiveRankSum - negativeRankSum) / (positiveRankSum + negativeRankSum)
    let n = Double(pairs)
    if !ranking.hasTies && zeroDifferences == 0 && pairs <= 50 {
      method = .exact
      pValue = Self.exactTwoSidedP(positiveRankSum: Int(positiveRankSum), pairs: pairs)
    } else {
      method = .normal
      let mean = n * (n + 1) / 4
      let variance = n * (n + 1) * (2 * n + 1) / 24 - ranking.tieSum / 48
      let z = variance > 0 ? (statistic - mean) / variance.squareRoot() : 0
      pValue = min(1, 2 * SpecialFunctions.normalUpperTail(abs(z)))
    }
  }

  /// 2 · min(P(W⁺ ≤ w), P(W⁺ ≥ w)) under the null, capped at 1.
  static func exactTwoSidedP(positiveRankSum w: Int, pairs n: Int) -> Double {
    let maximum = n * (n + 1) / 2
    // counts[s]: how many of the 2ⁿ sign patterns give W⁺ = s.
    var counts = [Double](repeating: 0, count: maximum + 1)
    counts[0] = 1
    for rank in 1...n {
      for sum in stride(from: maximum, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
    }
    let total = pow(2, Double(n))
    let atMost = counts[0...w].reduce(0, +) / total
    let atLeast = counts[w...maximum].reduce(0, +) / total
    return min(1, 2 * min(atMost, atLeast))
  }

  enum CodingKeys: String, CodingKey {
    case pairs = "n", zeroDifferences = "zero_differences", positiveRankSum = "w_plus"
    case negativeRankSum = "w_minus", statistic, pValue = "p", method, rankBiserial = "rank_biserial"
  }
}
