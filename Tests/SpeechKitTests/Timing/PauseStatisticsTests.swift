import SpeechKit
import Testing

@Suite struct PauseStatisticsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let gaps: [Double]
    let threshold: Double
    let count: Int
    let total: Double
    let at150: Int
    let at1000: Int
    let bins: (brief: Int, medium: Int, long: Int)
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    .init(name: "no gap", gaps: [], threshold: 0.25, count: 0, total: 0, at150: 0, at1000: 0, bins: (0, 0, 0)),
    .init(
      name: "closures below 150 ms are not pauses", gaps: [0.05, 0.12, 0.149], threshold: 0.25, count: 0, total: 0,
      at150: 0, at1000: 0, bins: (0, 0, 0)),
    .init(
      name: "one of each bin", gaps: [0.17, 0.3, 1.5], threshold: 0.25, count: 2, total: 1.8, at150: 3, at1000: 1,
      bins: (1, 1, 1)),
    .init(
      name: "the threshold itself counts", gaps: [0.25, 0.2499, 1.0], threshold: 0.25, count: 2, total: 1.25,
      at150: 3, at1000: 1, bins: (0, 3, 0)),
    .init(
      name: "a 150 ms threshold", gaps: [0.15, 0.2, 0.9], threshold: 0.15, count: 3, total: 1.25, at150: 3,
      at1000: 0, bins: (1, 2, 0)),
    // Differences of millisecond times, as bullets give them: 0.19999… and 1.0000000000000002.
    .init(
      name: "edges within rounding", gaps: [0.3 - 0.1, 2.2 - 1.2, 0.2], threshold: 0.25, count: 1,
      total: 2.2 - 1.2, at150: 3, at1000: 1, bins: (0, 3, 0)),
  ]

  @Test("pauses are counted and binned as docs/speech-measures.md defines them", arguments: cases)
  func pausesAreCountedAndBinned(_ testCase: Case) {
    let statistics = PauseStatistics(gaps: testCase.gaps, threshold: testCase.threshold)
    #expect(statistics.count == testCase.count)
    #expect(abs(statistics.totalSeconds - testCase.total) < 1e-9)
    #expect(statistics.countAtLeast150Milliseconds == testCase.at150)
    #expect(statistics.countAtLeast1000Milliseconds == testCase.at1000)
    #expect(statistics.brief == testCase.bins.brief)
    #expect(statistics.medium == testCase.bins.medium)
    #expect(statistics.long == testCase.bins.long)
    #expect(statistics.meanSeconds == (testCase.count > 0 ? statistics.totalSeconds / Double(testCase.count) : nil))
  }
}
