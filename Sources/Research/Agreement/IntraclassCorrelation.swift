import Foundation

/// ICC(2,1): the intraclass correlation of two-way random effects, absolute agreement, single
/// rater (Shrout & Fleiss 1979; McGraw & Wong's ICC(A,1)), for words and the reviewed first-word
/// and last-word times.
///
/// Two-way random because the coders stand for any coders the study could have trained; absolute
/// agreement because a coder who marks every onset 100 ms late disagrees even if the order of the
/// answers is the same; single rater because the analysis uses one coder's value (or the consensus),
/// not a mean of several. The same figure as R's
/// `irr::icc(ratings, model = "twoway", type = "agreement", unit = "single")` and pingouin's `ICC2`.
public struct IntraclassCorrelation: Hashable, Sendable, Codable {
  /// Answers both coders gave a value.
  public var n: Int
  /// Coders per answer (2).
  public var raters: Int
  /// ICC(2,1); nil when it is 0/0 (every value the same: no variance to agree on).
  public var icc: Double?
  /// The 95 % confidence interval of ``icc`` (McGraw & Wong 1996, with Satterthwaite's degrees of
  /// freedom, as irr and pingouin compute it); nil when the ICC is undefined or a coder's mean square
  /// leaves the degrees of freedom undefined.
  public var lower95: Double?
  public var upper95: Double?
  /// Mean squares of the two-way analysis of variance: answers, coders, residual.
  public var meanSquareAnswers: Double
  public var meanSquareCoders: Double
  public var meanSquareError: Double

  /// `ratings[i][j]`: coder j's value of answer i. Nil with fewer than two answers or two coders,
  /// rows of unequal length, or a value that is not finite.
  public init?(_ ratings: [[Double]]) {
    let n = ratings.count
    guard n >= 2, let k = ratings.first?.count, k >= 2, ratings.allSatisfy({ $0.count == k }),
      ratings.allSatisfy({ $0.allSatisfy(\.isFinite) })
    else { return nil }
    let grand = ratings.joined().reduce(0, +) / Double(n * k)
    let answerMeans = ratings.map { $0.reduce(0, +) / Double(k) }
    let coderMeans = (0..<k).map { j in ratings.reduce(0) { $0 + $1[j] } / Double(n) }
    let total = ratings.joined().reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
    let answers = Double(k) * answerMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
    let coders = Double(n) * coderMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
    let error = max(0, total - answers - coders)
    self.n = n
    raters = k
    meanSquareAnswers = answers / Double(n - 1)
    meanSquareCoders = coders / Double(k - 1)
    meanSquareError = error / Double((n - 1) * (k - 1))
    let denominator =
      meanSquareAnswers + Double(k - 1) * meanSquareError
      + Double(k) * (meanSquareCoders - meanSquareError) / Double(n)
    // Every value the same (to rounding): nothing varies, so there is nothing to agree on.
    let scale = ratings.joined().reduce(0) { max($0, abs($1)) }
    let varies = total > 1e-20 * max(1, scale * scale) * Double(n * k)
    icc = varies && denominator > 0 ? (meanSquareAnswers - meanSquareError) / denominator : nil
    if let icc, meanSquareError > 0 {
      (lower95, upper95) = Self.interval(
        icc: icc, n: Double(n), k: Double(k), answers: meanSquareAnswers, coders: meanSquareCoders,
        error: meanSquareError)
    }
  }

  private static func interval(icc: Double, n: Double, k: Double, answers: Double, coders: Double, error: Double)
    -> (Double?, Double?)
  {
    let coderRatio = coders / error
    let spread = n * (1 + (k - 1) * icc) - k * icc
    let numerator = (n - 1) * (k - 1) * pow(k * icc * coderRatio + spread, 2)
    let denominator = (n - 1) * k * k * icc * icc * coderRatio * coderRatio + spread * spread
    let v = numerator / denominator
    guard v.isFinite, v > 0 else { return (nil, nil) }
    let upperF = SpecialFunctions.fisherQuantile(0.975, n - 1, v)
    let lowerF = SpecialFunctions.fisherQuantile(0.975, v, n - 1)
    let pooled = k * coders + (k * n - k - n) * error
    return (
      n * (answers - upperF * error) / (upperF * pooled + n * answers),
      n * (lowerF * answers - error) / (pooled + n * lowerF * answers)
    )
  }
}
