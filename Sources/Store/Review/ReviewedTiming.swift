/// A coder's first-word and last-word marks on an answer's recording, in seconds on its clock,
/// kept beside the automatic ones (both are kept; exports say which they used).
public struct ReviewedTiming: Hashable, Sendable {
  /// Onset of the first word; nil with `lastWordOffsetSeconds` when the coder heard no word.
  public var firstWordOnsetSeconds: Double?
  public var lastWordOffsetSeconds: Double?

  public init(firstWordOnsetSeconds: Double?, lastWordOffsetSeconds: Double?) {
    self.firstWordOnsetSeconds = firstWordOnsetSeconds
    self.lastWordOffsetSeconds = lastWordOffsetSeconds
  }

  /// No word heard.
  public static let noSpeech = ReviewedTiming(firstWordOnsetSeconds: nil, lastWordOffsetSeconds: nil)
}
