import Foundation
import TestSupport

/// The development corpus the detector is tuned and tested on (never the report seed).
enum DevelopmentCorpus {
  static let count = 40

  /// Indices of the items, for table-driven tests (the corpus itself loads lazily, once).
  static let indices = Array(0..<count)

  /// Generated on first use (espeak-ng and sox), cached under `.build-corpus/`; a missing tool
  /// makes every test that needs it fail with the reason.
  static let shared = Result { try SpeechCorpus.load(seed: SpeechCorpus.developmentSeed, count: count) }
}
