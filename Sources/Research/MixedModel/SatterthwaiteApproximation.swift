/// Satterthwaite's degrees of freedom for a linear combination Lβ, as lmerTest computes them:
/// with φ = (τ_participant[, τ_group], σ) the variance parameters (relative standard deviations
/// and the residual standard deviation), v(φ) = σ² L(XᵀV_τ⁻¹X)⁻¹Lᵀ and H the Hessian of the REML
/// deviance in φ at the optimum, df = 2 v² / (∇vᵀ A ∇v) with A = 2H⁺ (the pseudo-inverse over
/// positive eigenvalues, so a variance estimated at zero drops out). Derivatives are central
/// differences refined by one Richardson step.
struct SatterthwaiteApproximation {
  typealias Evaluate = ([Double]) -> MixedModelCrossProducts.Evaluation?

  private let parameters: [Double]
  private let steps: [Double]
  /// For parameter i and step s ∈ {+h, −h, +h/2, −h/2}: σ² and the cross-product factor there.
  private let shifted: [[(variance: Double, factor: SmallCholesky)?]]
  private let hessian: SymmetricEigen

  init(ratios: [Double], sigma: Double, freeDegrees: Double, evaluate: @escaping Evaluate) {
    let parameters = ratios + [sigma]
    let steps = parameters.enumerated().map { index, value in
      index == parameters.count - 1 ? 1e-3 * value : 1e-3 * max(value, 0.05)
    }
    func at(_ point: [Double]) -> MixedModelCrossProducts.Evaluation? { evaluate(Array(point.dropLast())) }
    func deviance(_ point: [Double]) -> Double {
      at(point)?.deviance(sigma: point.last!, freeDegrees: freeDegrees) ?? .nan
    }
    func moved(_ moves: [(Int, Double)]) -> [Double] {
      var point = parameters
      for (index, by) in moves { point[index] += by }
      return point
    }
    let k = parameters.count
    let centre = deviance(parameters)
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for i in 0..<k {
      for j in i..<k {
        func secondDifference(_ scale: Double) -> Double {
          let hi = steps[i] * scale
          let hj = steps[j] * scale
          if i == j {
            return (deviance(moved([(i, hi)])) - 2 * centre + deviance(moved([(i, -hi)]))) / (hi * hi)
          }
          return
            (deviance(moved([(i, hi), (j, hj)])) - deviance(moved([(i, hi), (j, -hj)]))
            - deviance(moved([(i, -hi), (j, hj)])) + deviance(moved([(i, -hi), (j, -hj)]))) / (4 * hi * hj)
        }
        let value = (4 * secondDifference(0.5) - secondDifference(1)) / 3
        matrix[i][j] = value
        matrix[j][i] = value
      }
    }
    hessian = SymmetricEigen(matrix)
    shifted = (0..<k).map { i in
      [steps[i], -steps[i], steps[i] / 2, -steps[i] / 2].map { step in
        let point = moved([(i, step)])
        return at(point).map { (point.last! * point.last!, $0.crossProduct) }
      }
    }
    self.parameters = parameters
    self.steps = steps
  }

  /// `nil` when a shifted evaluation failed or the curvature gives no information.
  func degreesOfFreedom(of combination: [Double], variance: Double) -> Double? {
    var gradient: [Double] = []
    for (i, points) in shifted.enumerated() {
      let values = points.map { $0.map { $0.variance * $0.factor.inverseQuadraticForm(combination) } }
      guard let plus = values[0], let minus = values[1], let halfPlus = values[2], let halfMinus = values[3] else {
        return nil
      }
      let coarse = (plus - minus) / (2 * steps[i])
      let fine = (halfPlus - halfMinus) / steps[i]
      gradient.append((4 * fine - coarse) / 3)
    }
    let spread = 2 * hessian.pseudoInverseQuadraticForm(gradient)
    guard spread > 0, spread.isFinite else { return nil }
    let df = 2 * variance * variance / spread
    return df.isFinite ? df : nil
  }
}
