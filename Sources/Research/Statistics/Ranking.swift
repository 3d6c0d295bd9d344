/// Ranks from 1, ties sharing the mean of the ranks they span (the "average" method of
/// `scipy.stats.rankdata`), with the sizes of the tied groups for tie corrections.
struct Ranking: Hashable, Sendable {
  var ranks: [Double]
  /// The size of every group of equal values, singletons included.
  var tieGroupSizes: [Int]

  init(_ values: [Double]) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var sizes: [Int] = []
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      let shared = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = shared }
      sizes.append(end - start + 1)
      start = end + 1
    }
    self.ranks = ranks
    tieGroupSizes = sizes
  }

  /// Σ (t³ − t) over the tied groups: zero when there is no tie.
  var tieSum: Double {
    tieGroupSizes.reduce(0) { $0 + Double($1 * $1 * $1 - $1) }
  }

  var hasTies: Bool { tieGroupSizes.contains { $0 > 1 } }
}
