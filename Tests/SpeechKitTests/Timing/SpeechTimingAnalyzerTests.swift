import Foundation
import SpeechKit
import TestSupport
import Testing

@Suite struct SpeechTimingAnalyzerTests {
  /// Behaviour bounds, not the accuracy figures (those are benchmark results in docs/PERFORMANCE.md):
  /// tight in a quiet room, looser where noise or other voices mask the weak edges of words.
  static func tolerance(for item: SpeechCorpusItem) -> Double {
    item.noise == "none" && !item.hasBabble ? 0.05 : 0.15
  }

  @Test("first-word onset and last-word offset match the clean reference", arguments: DevelopmentCorpus.indices)
  func onsetAndOffsetMatchTheReference(index: Int) throws {
    let corpus = try DevelopmentCorpus.shared.get()
    let item = corpus.items[index]
    let timing = try SpeechTimingAnalyzer().analyze(url: corpus.url(of: item))
    let onset = try #require(timing.firstWordOnset, "no speech found in \(item)")
    let offset = try #require(timing.lastWordOffset)
    #expect(abs(onset - item.truthOnset) <= Self.tolerance(for: item), "onset \(onset) vs \(item.truthOnset) in \(item)")
    #expect(abs(offset - item.truthOffset) <= Self.tolerance(for: item), "offset \(offset) vs \(item.truthOffset) in \(item)")
    #expect(timing.speechDuration == offset - onset)
  }
}
