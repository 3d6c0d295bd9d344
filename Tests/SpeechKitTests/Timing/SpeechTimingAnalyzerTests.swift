import Foundation
import SpeechKit
import TestSupport
import Testing

@Suite struct SpeechTimingAnalyzerTests {
  /// Behaviour bound, not the accuracy figure (that is a benchmark result in docs/PERFORMANCE.md).
  static let tolerance = 0.1

  @Test("first-word onset and last-word offset match the clean reference", arguments: DevelopmentCorpus.indices)
  func onsetAndOffsetMatchTheReference(index: Int) throws {
    let corpus = try DevelopmentCorpus.shared.get()
    let item = corpus.items[index]
    let timing = try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))
    let onset = try #require(timing.firstWordOnset, "no speech found in \(item)")
    let offset = try #require(timing.lastWordOffset)
    #expect(abs(onset - item.truthOnset) <= Self.tolerance, "onset \(onset) vs \(item.truthOnset) in \(item)")
    #expect(abs(offset - item.truthOffset) <= Self.tolerance, "offset \(offset) vs \(item.truthOffset) in \(item)")
    #expect(timing.speechDuration == offset - onset)
  }
}
