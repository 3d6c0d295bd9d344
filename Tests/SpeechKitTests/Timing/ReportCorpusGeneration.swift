import Foundation
import TestSupport
import Testing

/// Makes the report corpora (seeds 2 and 4 to 10, 120 answers each) and the tuning corpus (seed 3, 120
/// answers) for scripts/timing-report; skipped in normal runs. The detector is never tuned on a
/// report corpus: its figures go to docs/PERFORMANCE.md. The tuning corpus is development, only
/// larger.
@Suite struct ReportCorpusGeneration {
  static let count = 120

  @Test(.enabled(if: ProcessInfo.processInfo.environment["CONNECTAGE_REPORT_CORPUS"] != nil))
  func generateTheReportCorpus() throws {
    let corpus = try SpeechCorpus.load(seed: SpeechCorpus.reportSeed, count: Self.count)
    print("report corpus: \(corpus.directory.path)")
    #expect(corpus.items.count == Self.count)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["CONNECTAGE_LATER_REPORT_SEED"] != nil))
  func generateALaterReportCorpus() throws {
    let text = ProcessInfo.processInfo.environment["CONNECTAGE_LATER_REPORT_SEED"] ?? ""
    let seed = try #require(UInt64(text), "CONNECTAGE_LATER_REPORT_SEED is not a seed: \(text)")
    try #require(SpeechCorpus.laterReportSeeds.contains(seed), "seed \(seed) is not a report seed")
    let corpus = try SpeechCorpus.load(seed: seed, count: Self.count)
    print("report corpus: \(corpus.directory.path)")
    #expect(corpus.items.count == Self.count)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["CONNECTAGE_TUNING_CORPUS"] != nil))
  func generateTheTuningCorpus() throws {
    let corpus = try SpeechCorpus.load(seed: SpeechCorpus.tuningSeed, count: Self.count)
    print("tuning corpus: \(corpus.directory.path)")
    #expect(corpus.items.count == Self.count)
  }
}
