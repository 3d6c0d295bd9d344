import SessionModel
import Testing

@testable import Research
@testable import Store

/// Properties any correct implementation has, checked on seeded random data.
@Suite struct StatisticsPropertyTests {
  static func table(seed: UInt64, participants: Int, conditions: Int) -> [[Double]] {
    var generator = SplitMix64(seed: seed)
    return (0..<participants).map { _ in
      (0..<conditions).map { _ in Double(Int.random(in: 0...20, using: &generator)) / 2 }
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func friedmanDoesNotDependOnTheOrderOfParticipants(_ seed: UInt64) throws {
    let rows = Self.table(seed: seed, participants: 10, conditions: 3)
    var generator = SplitMix64(seed: seed + 100)
    let original = try #require(FriedmanTest(blocks: rows))
    let shuffled = try #require(FriedmanTest(blocks: rows.shuffled(using: &generator)))
    #expect(abs(original.statistic - shuffled.statistic) < 1e-12)
    #expect(abs(original.pValue - shuffled.pValue) < 1e-12)
    #expect((0...1).contains(original.kendallW))
  }

  @Test(arguments: [11, 12, 13, 14] as [UInt64])
  func wilcoxonIsSymmetricInItsTwoSamples(_ seed: UInt64) throws {
    let rows = Self.table(seed: seed, participants: 12, conditions: 2)
    let forward = try #require(WilcoxonSignedRankTest(rows.map { $0[0] }, rows.map { $0[1] }))
    let backward = try #require(WilcoxonSignedRankTest(rows.map { $0[1] }, rows.map { $0[0] }))
    #expect(forward.pValue == backward.pValue)
    #expect(forward.rankBiserial == -backward.rankBiserial)
    #expect((0...1).contains(forward.pValue))
  }

  @Test func exactWilcoxonProbabilitiesSumToOne() {
    // Summing P(W+ = w) over all w: the two one-sided tails of the median overlap by one point.
    for pairs in 1...12 {
      let total = Double(pairs * (pairs + 1) / 2)
      #expect(WilcoxonSignedRankTest.exactTwoSidedP(positiveRankSum: Int(total), pairs: pairs) == 2 / pow2(pairs))
    }
  }

  private func pow2(_ n: Int) -> Double { Double(1 << n) }

  @Test func descriptiveStatisticsOfAnEmptyOrSingleSampleLeaveUndefinedFiguresEmpty() {
    #expect(DescriptiveStatistics([]).mean == nil)
    let one = DescriptiveStatistics([4])
    #expect(one.mean == 4 && one.median == 4 && one.standardDeviation == nil && one.confidenceLow == nil)
  }

  struct WilcoxonEdge: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var x: [Double]
    var y: [Double]
    /// nil when the test must not be computed.
    var p: Double?
  }

  // scipy.stats.wilcoxon([1, 2], [2, 4], method="exact") -> statistic 0.0, p 0.5
  @Test(
    "Wilcoxon needs two pairs that differ",
    arguments: [
      WilcoxonEdge(testDescription: "no pair", x: [], y: [], p: nil),
      WilcoxonEdge(testDescription: "samples of different lengths", x: [1, 2], y: [1], p: nil),
      WilcoxonEdge(testDescription: "every pair equal", x: [1, 2], y: [1, 2], p: nil),
      WilcoxonEdge(testDescription: "a single pair (n = 1)", x: [1], y: [2], p: nil),
      WilcoxonEdge(testDescription: "one pair differs among three", x: [1, 2, 3], y: [1, 2, 4], p: nil),
      WilcoxonEdge(testDescription: "two pairs differ", x: [1, 2], y: [2, 4], p: 0.5),
    ])
  func wilcoxonNeedsTwoPairsThatDiffer(_ edge: WilcoxonEdge) {
    #expect(WilcoxonSignedRankTest(edge.x, edge.y)?.pValue == edge.p)
  }

  struct FriedmanEdge: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var blocks: [[Double]]
    /// Kendall's W, nil when the test must not be computed.
    var kendallW: Double?
  }

  // scipy.stats.friedmanchisquare needs three conditions; for two, χ² = 2 and W = χ²/(n(k − 1)) = 1.
  @Test(
    "Friedman and Kendall's W need two participants and two conditions",
    arguments: [
      FriedmanEdge(testDescription: "no participant", blocks: [], kendallW: nil),
      FriedmanEdge(testDescription: "a single participant (n = 1)", blocks: [[1, 2, 3]], kendallW: nil),
      FriedmanEdge(testDescription: "a single condition", blocks: [[1], [2]], kendallW: nil),
      FriedmanEdge(testDescription: "rows of different lengths", blocks: [[1, 2], [1, 2, 3]], kendallW: nil),
      FriedmanEdge(
        testDescription: "every participant ties every condition", blocks: [[2, 2], [5, 5]], kendallW: nil),
      FriedmanEdge(testDescription: "two participants ranking alike", blocks: [[1, 2], [3, 4]], kendallW: 1),
    ])
  func friedmanNeedsTwoParticipantsAndTwoConditions(_ edge: FriedmanEdge) {
    #expect(FriedmanTest(blocks: edge.blocks)?.kendallW == edge.kendallW)
  }
}
