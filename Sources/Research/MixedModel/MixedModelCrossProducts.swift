import Foundation

/// The REML criterion of y = Xβ + Z_g b_g + Z_p b_p + ε, with participants nested in groups,
/// b_p ~ N(0, θ_p σ²), b_g ~ N(0, θ_g σ²), ε ~ N(0, σ²), evaluated from ``ParticipantSums`` in
/// O((participants + groups) · p²), whatever the number of answers.
///
/// With V = I + θ_p Z_p Z_pᵀ + θ_g Z_g Z_gᵀ (block diagonal by group), a participant block
/// A_j = I + θ_p J has A_j⁻¹ = I − θ_p d_j J with d_j = 1/(1 + θ_p n_j), and a group block
/// V_g = A + θ_g 11ᵀ follows by Sherman–Morrison:
///   uᵀV_g⁻¹w = Σ_j [S_j(u, w) + n_j d_j ū_j w̄_j] − e_g (Σ_j n_j d_j ū_j)(Σ_j n_j d_j w̄_j),
///   e_g = θ_g / (1 + θ_g m_g), m_g = Σ_j n_j d_j,
///   log det V = Σ_j log(1 + θ_p n_j) + Σ_g log(1 + θ_g m_g),
/// where S_j is the scatter about participant j's means.
struct MixedModelCrossProducts {
  let columns: Int
  let observations: Int
  let groups: Int
  let participants: [ParticipantSums]

  /// XᵀV⁻¹X (factored), XᵀV⁻¹y, the weighted residual sum of squares and log det V at one pair of
  /// variance ratios; `nil` when XᵀV⁻¹X is not positive definite.
  struct Evaluation {
    var crossProduct: SmallCholesky
    var coefficients: [Double]
    var residualSumOfSquares: Double
    var logDeterminantV: Double

    /// −2 × the REML log-likelihood with σ² profiled out (lme4's "REML criterion").
    func profiledDeviance(freeDegrees: Double) -> Double {
      logDeterminantV + crossProduct.logDeterminant + freeDegrees
        * (1 + log(2 * Double.pi * residualSumOfSquares / freeDegrees))
    }

    /// −2 × the REML log-likelihood at residual standard deviation `sigma`.
    func deviance(sigma: Double, freeDegrees: Double) -> Double {
      let variance = sigma * sigma
      return freeDegrees * log(2 * Double.pi * variance) + logDeterminantV + crossProduct.logDeterminant
        + residualSumOfSquares / variance
    }
  }

  func evaluate(participantRatio: Double, groupRatio: Double) -> Evaluation? {
    let p = columns
    var xvx = [Double](repeating: 0, count: p * p)
    var xvy = [Double](repeating: 0, count: p)
    var yvy = 0.0
    var logDet = 0.0
    var groupRows = [[Double]](repeating: [Double](repeating: 0, count: p), count: groups)
    var groupResponse = [Double](repeating: 0, count: groups)
    var groupWeight = [Double](repeating: 0, count: groups)
    for person in participants {
      let n = person.count
      let weight = n / (1 + participantRatio * n)
      logDet += log1p(participantRatio * n)
      let x = person.meanRow
      let y = person.meanResponse
      for a in 0..<p {
        let wa = weight * x[a]
        xvy[a] += person.scatterRowsResponse[a] + wa * y
        for b in a..<p { xvx[a * p + b] += person.scatterRows[a * p + b] + wa * x[b] }
        groupRows[person.group][a] += wa
      }
      yvy += person.scatterResponse + weight * y * y
      groupResponse[person.group] += weight * y
      groupWeight[person.group] += weight
    }
    if groupRatio > 0 {
      for g in 0..<groups {
        let e = groupRatio / (1 + groupRatio * groupWeight[g])
        logDet += log1p(groupRatio * groupWeight[g])
        let u = groupRows[g]
        let v = groupResponse[g]
        for a in 0..<p {
          xvy[a] -= e * u[a] * v
          for b in a..<p { xvx[a * p + b] -= e * u[a] * u[b] }
        }
        yvy -= e * v * v
      }
    }
    for a in 0..<p { for b in 0..<a { xvx[a * p + b] = xvx[b * p + a] } }
    guard let factor = SmallCholesky(xvx, size: p) else { return nil }
    let z = factor.solveLower(xvy)
    let explained = z.reduce(0) { $0 + $1 * $1 }
    return Evaluation(
      crossProduct: factor, coefficients: factor.solveUpper(z),
      residualSumOfSquares: max(yvy - explained, 0), logDeterminantV: logDet)
  }
}
