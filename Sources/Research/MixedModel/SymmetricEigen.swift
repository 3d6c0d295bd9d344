import Foundation

/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations, for the
/// pseudo-inverse of the variance parameters' Hessian (lmerTest keeps only its positive
/// eigenvalues, so a variance on the boundary does not break the Satterthwaite approximation).
struct SymmetricEigen {
  let values: [Double]
  /// Column k (vectors[i][k]) is the eigenvector of values[k].
  let vectors: [[Double]]

  init(_ matrix: [[Double]]) {
    let n = matrix.count
    var a = matrix
    var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for _ in 0..<100 {
      var off = 0.0
      for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
      if off < 1e-30 { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where a[p][q] != 0 {
          let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k][p]
            let akq = a[k][q]
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p][k]
            let aqk = a[q][k]
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k][p]
            let vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
          }
        }
      }
    }
    values = (0..<n).map { a[$0][$0] }
    vectors = v
  }

  /// gᵀM⁺g over the eigenvalues above `tolerance`.
  func pseudoInverseQuadraticForm(_ g: [Double], tolerance: Double = 1e-6) -> Double {
    var total = 0.0
    for (k, value) in values.enumerated() where value > tolerance {
      let projection = (0..<g.count).reduce(0) { $0 + vectors[$1][k] * g[$1] }
      total += projection * projection / value
    }
    return total
  }
}
