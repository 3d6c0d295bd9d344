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
    // The weights need only the range's width, and a count no coder gave adds nothing to either
    // sum: summing over the counts given, in the range's order as over its full table, gives the
    // same figure in time that follows the number of answers, whatever the counts' size (the
    // table of 0 to 999 999 had 10¹² cells, and the agreement page never answered).
    let width = counts.max()! - counts.min()!
    // Whole numbers below 10⁶: every difference and square here is exact.
    func weight(_ first: Double, _ second: Double) -> Double {
      width == 0 ? 1 : 1 - (first - second) * (first - second) / (width * width)
    }
    let total = Double(pairs.count)
    var observed = 0.0
    for (cell, count) in Self.tally(pairs.map { Cell(first: $0.0, second: $0.1) }) {
      observed += weight(cell.first, cell.second) * count / total
    }
    var chance = 0.0
    let columns = Self.tally(pairs.map(\.1))
    for (first, row) in Self.tally(pairs.map(\.0)) {
      for (second, column) in columns {
        chance += weight(first, second) * row * column / (total * total)
      }
    }
    n = pairs.count
    observedAgreement = observed
    chanceAgreement = chance
    kappa = chance < 1 ? (observed - chance) / (1 - chance) : nil
  }

  /// Two coders' counts of one answer: a cell of the agreement table.
  private struct Cell: Hashable, Comparable {
    var first: Double
    var second: Double

    static func < (left: Cell, right: Cell) -> Bool { (left.first, left.second) < (right.first, right.second) }
  }

  /// Each value given, in increasing order, with how many times it was given.
  private static func tally<Value: Hashable & Comparable>(_ values: [Value]) -> [(value: Value, count: Double)] {
    Dictionary(values.map { ($0, 1.0) }, uniquingKeysWith: +).map { (value: $0.key, count: $0.value) }
      .sorted { $0.value < $1.value }
  }
}
