import Foundation

/// The few special functions the tests need: normal, Student t and chi-square distributions,
/// through the regularized incomplete beta and gamma functions (continued fractions and series
/// after Numerical Recipes, 3rd ed., §6.2 and §6.4), accurate to about 1e-12 on the ranges used.
enum SpecialFunctions {
  /// P(Z > z) for a standard normal Z.
  static func normalUpperTail(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
  }

  /// P(X > x) for a chi-square X with `degreesOfFreedom`.
  static func chiSquareUpperTail(_ x: Double, degreesOfFreedom: Double) -> Double {
    guard x > 0 else { return 1 }
    return regularizedUpperGamma(degreesOfFreedom / 2, x / 2)
  }

  /// P(T ≤ t) for a Student T with `degreesOfFreedom`.
  static func studentCDF(_ t: Double, degreesOfFreedom: Double) -> Double {
    let tail = 0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The `p` quantile of Student's t, by bisection on the distribution function (monotone, so
  /// bisection cannot miss; 200 halvings reach the precision of a `Double`).
  static func studentQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
    var low = -1e6
    var high = 1e6
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if studentCDF(middle, degreesOfFreedom: degreesOfFreedom) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// The `p` quantile of Fisher's F with `d1` and `d2` degrees of freedom, by bisection on
  /// t = d1·x / (d1·x + d2), whose distribution function is I_t(d1/2, d2/2): bounded to (0, 1),
  /// so a quantile in the millions is found as surely as one near 1.
  static func fisherQuantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
    var low = 0.0
    var high = 1.0
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if regularizedBeta(middle, d1 / 2, d2 / 2) < p { low = middle } else { high = middle }
    }
    let t = (low + high) / 2
    return d2 * t / (d1 * (1 - t))
  }

  /// I_x(a, b).
  static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let front = exp(logGammas + logPowers)
    // The continued fraction converges fast only below the mean; use the symmetry above it.
    if x < (a + 1) / (a + b + 2) {
      return front * betaContinuedFraction(x, a, b) / a
    }
    return 1 - front * betaContinuedFraction(1 - x, b, a) / b
  }

  private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
      let m = Double(m)
      let even: Double = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd: Double = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return result
  }

  /// Q(a, x) = Γ(a, x) / Γ(a).
  static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
    if x <= 0 { return 1 }
    if x < a + 1 {
      // Series for P(a, x), then Q = 1 − P.
      var term = 1 / a
      var sum = term
      var denominator = a
      for _ in 0..<10_000 {
        denominator += 1
        term *= x / denominator
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return 1 - sum * exp(-x + a * log(x) - lgamma(a))
    }
    // Continued fraction for Q(a, x) (modified Lentz).
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
      let i = Double(i)
      let an = -i * (i - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-16 { break }
    }
    return exp(-x + a * log(x) - lgamma(a)) * h
  }
}
