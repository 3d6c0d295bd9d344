/// Cohen's kappa with quadratic weights for two coders' counts (memories), the agreement figure
/// for ordered whole numbers.
///
/// Categories are every whole number from the smallest count either coder gave to the largest, so
/// a weight follows the counts' real distance: disagreeing by 1 and 3 (one memory apart from 2)
/// weighs (1−3)²/(k−1)², not the distance between their ranks among the counts that happened to be
/// given. Quadratic weights because a count disagreement matters by its size, squared as in a
/// variance: quadratic-weighted kappa equals the intraclass correlation of the two coders' counts
/// (Fleiss & Cohen 1973), so memories and the continuous measures are judged on one footing.
///
/// Same figure as R's `irr::kappa2(weight = "squared")` given the two columns as factors with
/// levels `min:max`, and scikit-learn's `cohen_kappa_score(weights="quadratic", labels=range(min, max + 1))`.
public struct WeightedKappa: Hashable, Sendable, Codable {
  /// Answers both coders counted.
  public var n: Int
  /// κ_w; nil when chance agreement is already perfect (a single category: every count the same),
  /// where kappa is 0/0.
  public var kappa: Double?
  /// Weighted proportion of agreement observed and expected by chance.
  public var observedAgreement: Double
  public var chanceAgreement: Double

  /// Nil without pairs, or with a count that is negative or not whole.
  public init?(_ pairs: [(Double, Double)]) {
    let counts = pairs.flatMap { [$0.0, $0.1] }
    guard !pairs.isEmpty, counts.allSatisfy({ $0 >= 0 && $0.rounded() == $0 && $0 < 1_000_000 }) else { return nil }
    let low = Int(counts.min()!)
    let categories = Int(counts.max()!) - low + 1
    let total = Double(pairs.count)
    var table = [[Double]](repeating: [Double](repeating: 0, count: categories), count: categories)
    for (first, second) in pairs {
      table[Int(first) - low][Int(second) - low] += 1
    }
    let rows = table.map { $0.reduce(0, +) }
    let columns = (0..<categories).map { column in table.reduce(0) { $0 + $1[column] } }
    func weight(_ i: Int, _ j: Int) -> Double {
      categories == 1 ? 1 : 1 - Double((i - j) * (i - j)) / Double((categories - 1) * (categories - 1))
    }
    var observed = 0.0
    var chance = 0.0
    for i in 0..<categories {
      for j in 0..<categories {
        observed += weight(i, j) * table[i][j] / total
        chance += weight(i, j) * rows[i] * columns[j] / (total * total)
      }
    }
    n = pairs.count
    observedAgreement = observed
    chanceAgreement = chance
    kappa = chance < 1 ? (observed - chance) / (1 - chance) : nil
  }
}
