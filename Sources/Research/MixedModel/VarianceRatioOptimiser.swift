/// Minimises the profiled REML criterion over the relative standard deviations τ = σ_b / σ
/// (lme4's θ for scalar random intercepts): Brent's method on one ratio, Nelder–Mead on two.
/// The criterion depends on τ² only, so Nelder–Mead works on |τ| and can reach the boundary
/// τ = 0 (a variance estimated as zero, which lme4 reports as a singular fit).
enum VarianceRatioOptimiser {
  static func minimise(dimensions: Int, _ objective: ([Double]) -> Double) -> [Double] {
    switch dimensions {
    case 0: return []
    case 1: return [brent(upperBound: 64) { objective([$0]) }]
    default:
      let symmetric: ([Double]) -> Double = { objective($0.map(abs)) }
      var best = nelderMead(start: [Double](repeating: 1, count: dimensions), step: 0.5, symmetric)
      // A restart from the answer guards against a simplex that collapsed early.
      best = nelderMead(start: best, step: 0.05, symmetric)
      best = best.map(abs)
      // The boundary is where Nelder–Mead is weakest: try each ratio at zero with the others refitted.
      for index in 0..<dimensions where best[index] < 1e-3 {
        let others = (0..<dimensions).filter { $0 != index }
        let refit = minimise(dimensions: others.count) { values in
          var point = [Double](repeating: 0, count: dimensions)
          for (slot, value) in zip(others, values) { point[slot] = value }
          return objective(point)
        }
        var candidate = [Double](repeating: 0, count: dimensions)
        for (slot, value) in zip(others, refit) { candidate[slot] = value }
        if objective(candidate) <= objective(best) { best = candidate }
      }
      return best
    }
  }

  /// Brent's minimisation (golden section with parabolic steps) on [0, upperBound], widened while
  /// the minimum sits at the upper end.
  static func brent(upperBound: Double, _ f: (Double) -> Double) -> Double {
    var upper = upperBound
    var result = brent(0, upper, f)
    while result > 0.99 * upper && upper < 1e6 {
      upper *= 16
      result = brent(0, upper, f)
    }
    return f(0) <= f(result) ? 0 : result
  }

  private static func brent(_ lowerEnd: Double, _ upperEnd: Double, _ f: (Double) -> Double) -> Double {
    let golden = 0.381_966_011_250_105_1
    var a = lowerEnd
    var b = upperEnd
    var x = a + golden * (b - a)
    var w = x
    var v = x
    var fx = f(x)
    var fw = fx
    var fv = fx
    var d = 0.0
    var e = 0.0
    for _ in 0..<500 {
      let middle = (a + b) / 2
      let tolerance = 1e-10 * abs(x) + 1e-12
      if abs(x - middle) <= 2 * tolerance - (b - a) / 2 { break }
      var useGolden = true
      if abs(e) > tolerance {
        var r = (x - w) * (fx - fv)
        var q = (x - v) * (fx - fw)
        var p = (x - v) * q - (x - w) * r
        q = 2 * (q - r)
        if q > 0 { p = -p } else { q = -q }
        r = e
        e = d
        if abs(p) < abs(q * r / 2) && p > q * (a - x) && p < q * (b - x) {
          d = p / q
          let u = x + d
          if u - a < 2 * tolerance || b - u < 2 * tolerance { d = x < middle ? tolerance : -tolerance }
          useGolden = false
        }
      }
      if useGolden {
        e = (x < middle ? b : a) - x
        d = golden * e
      }
      let u = abs(d) >= tolerance ? x + d : x + (d > 0 ? tolerance : -tolerance)
      let fu = f(u)
      if fu <= fx {
        if u < x { b = x } else { a = x }
        (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu)
      } else {
        if u < x { a = u } else { b = u }
        if fu <= fw || w == x {
          (v, fv, w, fw) = (w, fw, u, fu)
        } else if fu <= fv || v == x || v == w {
          (v, fv) = (u, fu)
        }
      }
    }
    return x
  }

  /// Nelder–Mead with the usual coefficients (reflection 1, expansion 2, contraction ½, shrink ½).
  static func nelderMead(start: [Double], step: Double, _ f: ([Double]) -> Double) -> [Double] {
    let n = start.count
    var simplex = [start]
    for index in 0..<n {
      var vertex = start
      vertex[index] += step
      simplex.append(vertex)
    }
    var values = simplex.map(f)
    for _ in 0..<4000 {
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let spread = simplex.dropFirst().map { vertex in zip(vertex, simplex[0]).map { abs($0 - $1) }.max()! }.max()!
      if abs(values[n] - values[0]) < 1e-13 * (abs(values[0]) + 1e-10) && spread < 1e-9 { break }
      var centroid = [Double](repeating: 0, count: n)
      for vertex in simplex.dropLast() { for k in 0..<n { centroid[k] += vertex[k] / Double(n) } }
      func towards(_ coefficient: Double) -> [Double] {
        (0..<n).map { centroid[$0] + coefficient * (simplex[n][$0] - centroid[$0]) }
      }
      let reflected = towards(-1)
      let fr = f(reflected)
      if fr < values[0] {
        let expanded = towards(-2)
        let fe = f(expanded)
        (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
      } else if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
      } else {
        let contracted = fr < values[n] ? towards(-0.5) : towards(0.5)
        let fc = f(contracted)
        if fc < min(fr, values[n]) {
          (simplex[n], values[n]) = (contracted, fc)
        } else {
          for index in 1...n {
            simplex[index] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[index][$0] - simplex[0][$0]) }
            values[index] = f(simplex[index])
          }
        }
      }
    }
    return simplex[values.indices.min { values[$0] < values[$1] }!]
  }
}
