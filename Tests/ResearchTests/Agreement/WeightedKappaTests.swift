import Research
import Testing

/// Kappa's figure follows the counts' distances relative to their range, whatever their size: a
/// coding sheet can still bring a count far above what the review page offers.
struct WeightedKappaTests {
  /// Two coders give (0, 0), (M, M), (M, 0): observed weighted agreement 2/3, chance 4/9 (the
  /// first coder's counts are one 0 and two M, the second's two 0 and one M; quadratic weight 0
  /// between 0 and M), κ_w = 0.4, for M = 99 as for M = 999 999.
  @Test(arguments: [99.0, 999_999])
  func givesTheFigureOfCountsFarApart(_ top: Double) throws {
    let kappa = try #require(WeightedKappa([(0, 0), (top, top), (top, 0)]))
    #expect(kappa.n == 3)
    #expect(abs(kappa.observedAgreement - 2.0 / 3) < 1e-12)
    #expect(abs(kappa.chanceAgreement - 4.0 / 9) < 1e-12)
    #expect(abs(try #require(kappa.kappa) - 0.4) < 1e-12)
  }

  /// Quadratic weights are (i − j)² / (k − 1)²: counts 0…9 scaled by 111 111 (so up to 999 999)
  /// keep every weight, so kappa is the same, with the counts in between weighing as they should.
  /// Over the full 10 × 10 table in exact fractions: observed 208/243, chance 4804/6561, κ_w = 116/251.
  @Test func isTheSameForCountsScaledUp() throws {
    let counts: [(Double, Double)] = [(0, 0), (9, 9), (9, 0), (3, 6), (6, 3), (1, 2), (4, 4), (2, 1), (7, 9)]
    let small = try #require(WeightedKappa(counts)?.kappa)
    let large = try #require(WeightedKappa(counts.map { ($0.0 * 111_111, $0.1 * 111_111) })?.kappa)
    #expect(abs(small - 116.0 / 251) < 1e-12)
    #expect(abs(large - 116.0 / 251) < 1e-12)
  }
}
