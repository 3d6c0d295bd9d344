import SpeechKit

/// One generated recording and what is known to be true about it.
public struct SpeechCorpusItem: Codable, Sendable, CustomStringConvertible {
  /// File name inside the corpus directory.
  public var file: String
  /// What was added to the clean speech, e.g. `pink 5 dB + murmurs 27 dB + knock/cough + RT60 0.5 s + prompt`.
  public var condition: String
  public var noise: String
  public var signalToNoise: Double?
  /// Other residents murmuring (`murmurLevel` dB below the speaker).
  public var hasBabble: Bool
  public var murmurLevel: Double?
  public var transients: [String]
  /// Room reverberation time, when the answer was put in a simulated room.
  public var reverberationTime: Double?
  /// The therapist's prompt in another voice, before the answer: not part of the truth.
  public var prompt: SpeechSegment?
  public var voice: String
  public var text: String
  /// The answer's speech by `ReferenceSpeech.rule` on the dry answer alone: the reference.
  public var truth: [SpeechSegment]

  /// Speaking time of the reference: its span minus its gaps of 250 ms or more.
  public var truthSpeakingTime: Double {
    guard let first = truth.first, let last = truth.last else { return 0 }
    let pauses = zip(truth, truth.dropFirst()).map { $1.start - $0.end }.filter { $0 >= 0.25 }
    return last.end - first.start - pauses.reduce(0, +)
  }

  public var truthOnset: Double { truth.first?.start ?? 0 }
  public var truthOffset: Double { truth.last?.end ?? 0 }
  public var description: String { "\(file) [\(condition)]" }
}
