import Testing

@testable import SessionRunner

/// The disk a session needs, from its plan, and the levels the watch compares the free space with.
@Suite struct RecordingBudgetTests {
  @Test func theStartCheckAsksForEveryPlannedAnswerTwiceOverPlusTheLogs() {
    // espoir-avc: 12 trials, 10 speakers, 90 s answers of 16-bit mono at 16 kHz.
    let budget = RecordingBudget(trials: 12, speakers: 10, maximumAnswerSeconds: 90)
    #expect(budget.oneAnswerBytes == 90 * 32_000)
    #expect(budget.neededBytes == 2 * 120 * 2_880_000 + 32_000_000)
    #expect(StartProblem.size(budget.neededBytes, in: .french) == "723 Mo")
    #expect(StartProblem.size(budget.neededBytes, in: .english) == "723 MB")
    #expect(StartProblem.size(1_250_000_000, in: .french) == "1,2 Go")
    #expect(StartProblem.size(1_250_000_000, in: .english) == "1.2 GB")
  }

  @Test func anAnswerWithoutAMaximumIsCountedAsThreeMinutes() {
    #expect(RecordingBudget(trials: 1, speakers: 1, maximumAnswerSeconds: nil).oneAnswerBytes == 180 * 32_000)
  }

  @Test(arguments: [
    (available: Int64(100_000_000), level: DiskLevel.enough),
    (available: Int64(18_560_000), level: DiskLevel.enough),
    (available: Int64(15_000_000), level: DiskLevel.low),
    (available: Int64(8_960_001), level: DiskLevel.low),
    (available: Int64(8_959_999), level: DiskLevel.full),
    (available: Int64(0), level: DiskLevel.full),
  ])
  func theFreeSpaceSetsTheLevel(_ c: (available: Int64, level: DiskLevel)) {
    // 30 s answers: 960 kB each; the floor is one answer and 8 MB for the log, the warning ten answers more.
    let budget = RecordingBudget(trials: 3, speakers: 4, maximumAnswerSeconds: 30)
    #expect(budget.floorBytes == 8_960_000)
    #expect(budget.warningBytes == 18_560_000)
    #expect(budget.level(ofAvailable: c.available) == c.level)
  }
}
