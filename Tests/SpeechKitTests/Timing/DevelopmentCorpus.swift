import Foundation
import SpeechKit
import TestSupport

/// The development corpus the detector is tuned and tested on (never the report seed).
enum DevelopmentCorpus {
  static let count = 40

  /// Indices of the items, for table-driven tests (the corpus itself loads lazily, once).
  static let indices = Array(0..<count)

  /// Generated on first use (espeak-ng and sox), cached under `.build-corpus/`; a missing tool
  /// makes every test that needs it fail with the reason.
  static let shared = Result { try SpeechCorpus.load(seed: SpeechCorpus.developmentSeed, count: count) }

  /// Each item's timing, in item order, analysed once for every test that reads it. With the
  /// therapist's prompt in the recording, the answer is timed from the marked prompt end (the
  /// documented workaround): only the audio after the mark is analysed.
  static let timings = Result {
    let corpus = try shared.get()
    return try corpus.items.map { item in
      try SpeechTimingAnalyzer().analyze(
        url: corpus.url(of: item), options: SpeechTimingOptions(promptEnd: item.prompt?.end))
    }
  }
}
