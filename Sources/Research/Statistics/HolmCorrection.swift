/// Holm's step-down adjustment of p-values for multiple comparisons (`p.adjust(method = "holm")`
/// in R): controls the family-wise error rate without assuming independence, and is never less
/// powerful than Bonferroni.
public enum HolmCorrection {
  /// Adjusted p-values, in the order given.
  public static func adjust(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
    var adjusted = [Double](repeating: 0, count: m)
    var running = 0.0
    for (step, index) in order.enumerated() {
      running = max(running, min(1, Double(m - step) * pValues[index]))
      adjusted[index] = running
    }
    return adjusted
  }
}
