import Testing

@testable import Research
@testable import Store

/// Every figure here was computed once by `scripts/statistics-reference.py` (SciPy 1.17.1); the
/// call that produced each table is quoted above it. Tolerance 1e-9: the same formulas, summed in
/// a different order, differ in the last bits only.
@Suite struct StatisticsReferenceTests {
  static let tolerance = 1e-9

  struct Descriptive: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var values: [Double]
    var mean, sd, median, q1, q3, low, high: Double
  }

  // np.mean, np.std(ddof=1), np.median, np.percentile(a, 25|75), stats.t.interval(0.95, n-1, mean, stats.sem(a))
  @Test(arguments: [
    Descriptive(
      testDescription: "ten participants", values: [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2], mean: 4.23,
      sd: 1.285863307060453, median: 4.2, q1: 3.275, q3: 5.075, low: 3.310148803160028, high: 5.149851196839973),
    Descriptive(
      testDescription: "three participants", values: [12.0, 7.5, 9.25], mean: 9.583333333333334,
      sd: 2.2684429314693664, median: 9.25, q1: 8.375, q3: 10.625, low: 3.948208700316812, high: 15.218457966349856),
  ])
  func descriptiveStatisticsMatchNumPyAndSciPy(_ reference: Descriptive) throws {
    let statistics = DescriptiveStatistics(reference.values)
    #expect(statistics.count == reference.values.count)
    let figures = [
      statistics.mean, statistics.standardDeviation, statistics.median, statistics.lowerQuartile,
      statistics.upperQuartile, statistics.confidenceLow, statistics.confidenceHigh,
    ]
    let expected = [
      reference.mean, reference.sd, reference.median, reference.q1, reference.q3, reference.low, reference.high,
    ]
    for (figure, value) in zip(figures, expected) {
      #expect(abs(try #require(figure) - value) < Self.tolerance)
    }
  }

  // stats.t.ppf(0.975, df)
  @Test(arguments: [
    (1.0, 12.706204736174694), (2, 4.302652729749462), (5, 2.5705818356363146), (9, 2.262157162798205),
    (29, 2.045229642132703),
  ])
  func studentQuantileMatchesSciPy(_ degreesOfFreedom: Double, _ quantile: Double) {
    #expect(
      abs(SpecialFunctions.studentQuantile(0.975, degreesOfFreedom: degreesOfFreedom) - quantile) < Self.tolerance)
  }

  struct Friedman: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var rows: [[Double]]
    var statistic, p, w: Double
  }

  // stats.friedmanchisquare(*columns); W = statistic / (n (k − 1))
  @Test(arguments: [
    Friedman(
      testDescription: "no ties",
      rows: [[10, 12, 15], [8, 11, 9], [14, 13, 18], [7, 9, 12], [11, 10, 16], [9, 14, 13]],
      statistic: 5.333333333333329, p: 0.06948345122280168, w: 0.44444444444444403),
    Friedman(
      testDescription: "ties within participants",
      rows: [[10, 10, 15], [8, 11, 9], [14, 13, 18], [7, 7, 7], [11, 10, 16], [9, 14, 14], [5, 6, 8]],
      statistic: 6.090909090909081, p: 0.04757468221649296, w: 0.4350649350649344),
    Friedman(
      testDescription: "four conditions",
      rows: [
        [3.5, 4.0, 5.5, 6.0], [2.0, 3.0, 2.5, 4.5], [6.0, 5.0, 7.0, 8.0], [1.0, 2.0, 3.0, 2.0], [4.0, 4.5, 6.5, 5.0],
      ],
      statistic: 10.224489795918364, p: 0.016751183950560296, w: 0.6816326530612243),
  ])
  func friedmanMatchesSciPy(_ reference: Friedman) throws {
    let test = try #require(FriedmanTest(blocks: reference.rows))
    #expect(abs(test.statistic - reference.statistic) < Self.tolerance)
    #expect(abs(test.pValue - reference.p) < Self.tolerance)
    #expect(abs(test.kendallW - reference.w) < Self.tolerance)
    #expect(test.degreesOfFreedom == reference.rows[0].count - 1)
  }

  struct Wilcoxon: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var x, y: [Double]
    var method: WilcoxonSignedRankTest.Method
    var statistic, p: Double
    var zeros: Int
  }

  // stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="exact" | "approx")
  @Test(arguments: [
    Wilcoxon(
      testDescription: "ten pairs without ties: exact",
      x: [12.1, 9.8, 14.2, 7.7, 11.0, 10.4, 13.3, 8.9, 15.0, 9.1],
      y: [10.0, 10.5, 11.1, 6.2, 9.3, 10.0, 10.9, 9.4, 12.2, 7.3], method: .exact, statistic: 5, p: 0.01953125, zeros: 0
    ),
    Wilcoxon(
      testDescription: "ties and zeros: normal approximation",
      x: [5, 7, 6, 9, 4, 8, 6, 7, 10, 5, 6, 8], y: [4, 5, 6, 7, 5, 6, 4, 7, 8, 3, 6, 6], method: .normal,
      statistic: 1.5, p: 0.008730256872490775, zeros: 3),
    Wilcoxon(
      testDescription: "all one way with a tie: normal approximation",
      x: [2, 3, 4, 5, 6, 7], y: [1, 1, 1, 1, 1, 2], method: .normal, statistic: 0, p: 0.027281171477617997, zeros: 0),
  ])
  func wilcoxonMatchesSciPy(_ reference: Wilcoxon) throws {
    let test = try #require(WilcoxonSignedRankTest(reference.x, reference.y))
    #expect(test.method == reference.method)
    #expect(test.statistic == reference.statistic)
    #expect(abs(test.pValue - reference.p) < Self.tolerance)
    #expect(test.zeroDifferences == reference.zeros)
    #expect(test.positiveRankSum + test.negativeRankSum == Double(test.pairs * (test.pairs + 1)) / 2)
  }

  // By hand, as R's p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.004), "holm"): sorted p times 5, 4, 3, 2, 1, then
  // made monotone (0.08 for 0.04 is raised to the 0.09 before it).
  @Test func holmMatchesRsPAdjust() {
    let adjusted = HolmCorrection.adjust([0.01, 0.04, 0.03, 0.2, 0.004])
    for (value, expected) in zip(adjusted, [0.04, 0.09, 0.09, 0.2, 0.02]) {
      #expect(abs(value - expected) < Self.tolerance)
    }
  }
}
