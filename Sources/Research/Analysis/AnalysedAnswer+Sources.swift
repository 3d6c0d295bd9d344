import Store

/// Where an analysed value comes from: the rule is the consensus, then the coders' value, then the
/// automatic measurement, and every export says which it used.
public enum ValueSource: String, CaseIterable, Hashable, Sendable, Codable {
  /// The value the coders agreed on (``ReviewRepository/saveConsensus(_:for:of:by:basedOn:at:)``).
  case consensus
  /// One coder's value: the only coding, or for memories the latest of several (as before the review).
  case coder
  /// The mean of two or more coders' reviewed times, when they recorded no consensus.
  case codersMean = "coders_mean"
  /// The automatic measurement (voice activity or word times; words of a transcript no coder saved
  /// in the review); for memories, nobody coded the answer: `memories_n` is the automatic
  /// pre-coding (`memories_auto_n`).
  case automatic
}

/// One analysed value and where it comes from.
public struct AnalysedValue<Value: Hashable & Sendable>: Hashable, Sendable {
  public var value: Value?
  public var source: ValueSource
}

extension AnalysedAnswer {
  /// The first word's onset analysed: consensus, reviewed marks, automatic.
  public var firstWordOnset: AnalysedValue<Double> {
    reviewedTime(.onset, automatic: measures.firstWordOnsetSeconds) { $0.firstWordOnsetSeconds }
  }

  /// The last word's offset analysed: consensus, reviewed marks, automatic.
  public var lastWordOffset: AnalysedValue<Double> {
    reviewedTime(.offset, automatic: measures.lastWordOffsetSeconds) { $0.lastWordOffsetSeconds }
  }

  /// Offset − onset of the analysed times; nil without both.
  public var speechDurationSeconds: Double? {
    guard let first = firstWordOnset.value, let last = lastWordOffset.value else { return nil }
    return last - first
  }

  /// Words analysed: the consensus, else the words of the transcript beside the recording (a
  /// coder's when one was saved in the review: source `coder`).
  public var words: AnalysedValue<Int> {
    if let consensus = review.consensus[.words] {
      return AnalysedValue(value: consensus.value.map { Int($0) }, source: .consensus)
    }
    let coded = review.coders.values.contains(where: \.savedTranscript)
    return AnalysedValue(value: measures.words, source: coded ? .coder : .automatic)
  }

  /// Idea units per ten analysed words: `ideas_n / words × 10` with the words exported beside it, so
  /// a consensus on the word count moves the density with it; nil without ideas or without words.
  public var ideaDensity: Double? {
    var counted = measures
    counted.words = words.value
    return counted.ideaDensity
  }

  /// Memories analysed: the consensus, else the latest coding, else the automatic pre-coding
  /// (`memories_auto_n`, source `automatic`), so a figure mixing coded and uncoded answers says
  /// how many of each it rests on.
  public var memories: AnalysedValue<Int> {
    if let consensus = review.consensus[.memories] {
      return AnalysedValue(value: consensus.value.map { Int($0) }, source: .consensus)
    }
    if let confirmed = coding?.confirmed {
      return AnalysedValue(value: confirmed.count, source: .coder)
    }
    return AnalysedValue(value: measures.automaticMemories, source: .automatic)
  }

  private func reviewedTime(_ measure: ReviewedMeasure, automatic: Double?, mark: (ReviewedTiming) -> Double?)
    -> AnalysedValue<Double>
  {
    if let consensus = review.consensus[measure] {
      return AnalysedValue(value: consensus.value, source: .consensus)
    }
    let timings = review.coders.values.compactMap(\.timing)
    switch timings.count {
    case 0: return AnalysedValue(value: automatic, source: .automatic)
    case 1: return AnalysedValue(value: mark(timings[0]), source: .coder)
    default:
      // Coders who heard no word give no mark; the mean is of the marks given.
      let marks = timings.compactMap(mark).sorted()
      return AnalysedValue(
        value: marks.isEmpty ? nil : marks.reduce(0, +) / Double(marks.count), source: .codersMean)
    }
  }
}
