import Foundation
import TestSupport

/// The development corpus the detector is tuned and tested on (never the report seed).
enum DevelopmentCorpus {
  static let count = 40

  static func load() throws -> SpeechCorpus {
    try SpeechCorpus.load(seed: SpeechCorpus.developmentSeed, count: count)
  }

  /// Indices of the items, for table-driven tests (the corpus itself loads lazily, once).
  static let indices = Array(0..<count)

  static let shared = Result { try load() }
}
