import SpeechKit

/// One generated recording and what is known to be true about it.
public struct SpeechCorpusItem: Codable, Sendable, CustomStringConvertible {
  /// File name inside the corpus directory.
  public var file: String
  /// What was added to the clean speech, e.g. `pink 5 dB + babble + knock/cough`.
  public var condition: String
  public var noise: String
  public var signalToNoise: Double?
  public var hasBabble: Bool
  public var transients: [String]
  public var voice: String
  public var text: String
  /// Speech found in the clean (silence-padded) signal: the reference.
  public var truth: [SpeechSegment]

  public var truthOnset: Double { truth.first?.start ?? 0 }
  public var truthOffset: Double { truth.last?.end ?? 0 }
  public var description: String { "\(file) [\(condition)]" }
}
