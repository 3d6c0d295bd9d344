import Testing

@testable import Store

/// Properties any correct implementation has, checked on seeded random data.
@Suite struct StatisticsPropertyTests {
  static func table(seed: UInt64, participants: Int, conditions: Int) -> [[Double]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<participants).map { _ in
      (0..<conditions).map { _ in Double(Int.random(in: 0...20, using: &generator)) / 2 }
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func friedmanDoesNotDependOnTheOrderOfParticipants(_ seed: UInt64) throws {
    let rows = Self.table(seed: seed, participants: 10, conditions: 3)
    var generator = SeededGenerator(seed: seed + 100)
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

  @Test func tooLittleDataGivesNoTestRatherThanANumber() {
    #expect(FriedmanTest(blocks: [[1, 2, 3]]) == nil)
    #expect(FriedmanTest(blocks: [[1], [2]]) == nil)
    #expect(FriedmanTest(blocks: [[2, 2], [5, 5]]) == nil)
    #expect(WilcoxonSignedRankTest([1, 2], [1, 2]) == nil)
  }
}
