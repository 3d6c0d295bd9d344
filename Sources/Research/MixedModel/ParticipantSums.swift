/// What the REML criterion needs of one participant's answers: their count, the means of the
/// fixed-effect row and of the response, and the scatter around those means. Random intercepts
/// make the covariance of a participant's answers I + θJ, whose inverse acts on a sum and on a
/// scatter separately, so these few numbers replace the participant's rows (see
/// ``MixedModelCrossProducts``). Scatter about the participant's mean rather than raw sums of
/// squares: no cancellation when the participant variance is large.
struct ParticipantSums {
  var group: Int
  var count: Double
  var meanRow: [Double]
  var meanResponse: Double
  /// Σ (x − x̄)(x − x̄)ᵀ, row-major.
  var scatterRows: [Double]
  /// Σ (x − x̄)(y − ȳ).
  var scatterRowsResponse: [Double]
  /// Σ (y − ȳ)².
  var scatterResponse: Double

  /// Two passes over the participant's rows: means, then scatter about them.
  init(group: Int, rows: [[Double]], responses: [Double]) {
    let columns = rows[0].count
    let n = Double(rows.count)
    self.group = group
    count = n
    var mean = [Double](repeating: 0, count: columns)
    for row in rows { for k in 0..<columns { mean[k] += row[k] } }
    for k in 0..<columns { mean[k] /= n }
    let meanY = responses.reduce(0, +) / n
    var xx = [Double](repeating: 0, count: columns * columns)
    var xy = [Double](repeating: 0, count: columns)
    var yy = 0.0
    for (row, y) in zip(rows, responses) {
      let dy = y - meanY
      yy += dy * dy
      for a in 0..<columns {
        let da = row[a] - mean[a]
        guard da != 0 else { continue }
        xy[a] += da * dy
        for b in a..<columns { xx[a * columns + b] += da * (row[b] - mean[b]) }
      }
    }
    for a in 0..<columns { for b in 0..<a { xx[a * columns + b] = xx[b * columns + a] } }
    meanRow = mean
    meanResponse = meanY
    scatterRows = xx
    scatterRowsResponse = xy
    scatterResponse = yy
  }
}
