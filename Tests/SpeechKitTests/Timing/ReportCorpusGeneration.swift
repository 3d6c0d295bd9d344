import Foundation
import TestSupport
import Testing

/// Makes the report corpus (seed 2, 120 answers) for scripts/timing-report; skipped in normal
/// runs. The detector is never tuned on it: its figures go to docs/PERFORMANCE.md.
@Suite struct ReportCorpusGeneration {
  static let count = 120

  @Test(.enabled(if: ProcessInfo.processInfo.environment["CONNECTAGE_REPORT_CORPUS"] != nil))
  func generateTheReportCorpus() throws {
    let corpus = try SpeechCorpus.load(seed: SpeechCorpus.reportSeed, count: Self.count)
    print("report corpus: \(corpus.directory.path)")
    #expect(corpus.items.count == Self.count)
  }
}
