import Foundation

/// The Cholesky factor R (upper triangular, RᵀR = A) of a small symmetric positive-definite
/// matrix: the fixed-effect cross-product of a mixed model (a handful of columns), or the Hessian
/// of its variance parameters. Solves and quadratic forms go through triangular solves, so no
/// inverse is ever formed.
struct SmallCholesky {
  let size: Int
  /// Row-major upper triangle; the lower part is zero.
  private(set) var factor: [Double]

  /// `nil` when `matrix` (row-major, `size` × `size`) is not numerically positive definite.
  init?(_ matrix: [Double], size: Int) {
    self.size = size
    var r = [Double](repeating: 0, count: size * size)
    for j in 0..<size {
      var diagonal = matrix[j * size + j]
      for k in 0..<j { diagonal -= r[k * size + j] * r[k * size + j] }
      // Relative to the column's own scale, so that units (seconds, sessions) do not matter.
      guard diagonal > 1e-12 * max(abs(matrix[j * size + j]), .leastNormalMagnitude) else { return nil }
      let pivot = diagonal.squareRoot()
      r[j * size + j] = pivot
      for i in (j + 1)..<max(j + 1, size) {
        var value = matrix[j * size + i]
        for k in 0..<j { value -= r[k * size + j] * r[k * size + i] }
        r[j * size + i] = value / pivot
      }
    }
    factor = r
  }

  /// log det A = 2 Σ log Rᵢᵢ.
  var logDeterminant: Double {
    (0..<size).reduce(0) { $0 + 2 * log(factor[$1 * size + $1]) }
  }

  /// z with Rᵀz = b (forward substitution), so that bᵀA⁻¹b = ‖z‖².
  func solveLower(_ b: [Double]) -> [Double] {
    var z = b
    for i in 0..<size {
      var value = z[i]
      for k in 0..<i { value -= factor[k * size + i] * z[k] }
      z[i] = value / factor[i * size + i]
    }
    return z
  }

  /// x with Rx = z (back substitution).
  func solveUpper(_ z: [Double]) -> [Double] {
    var x = z
    for i in stride(from: size - 1, through: 0, by: -1) {
      var value = x[i]
      for k in (i + 1)..<max(i + 1, size) { value -= factor[i * size + k] * x[k] }
      x[i] = value / factor[i * size + i]
    }
    return x
  }

  /// x with Ax = b.
  func solve(_ b: [Double]) -> [Double] { solveUpper(solveLower(b)) }

  /// bᵀA⁻¹b.
  func inverseQuadraticForm(_ b: [Double]) -> Double {
    solveLower(b).reduce(0) { $0 + $1 * $1 }
  }
}
