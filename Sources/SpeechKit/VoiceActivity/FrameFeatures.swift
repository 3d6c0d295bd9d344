/// What the detector measured in each 10 ms frame and each 1 ms step of a recording.
public struct FrameFeatures: Sendable {
  /// Frames per second (10 ms frames).
  public static let frameRate = 100
  /// Envelope steps per second (1 ms steps).
  public static let envelopeRate = 1000

  /// Mean power of the 300–3400 Hz band per frame, in dB relative to full scale.
  public var bandLevel: [Float] = []
  /// Mean power above 3400 Hz per frame, in dB: where fricatives such as /s/ live.
  public var highBandLevel: [Float] = []
  /// Peak normalised autocorrelation at pitch lags (62–400 Hz) per frame, 0 when not computed.
  public var periodicity: [Float] = []
  /// Mean power of the 300–3400 Hz band per 1 ms step (linear).
  public var envelope: [Float] = []

  public var frameCount: Int { bandLevel.count }

  /// The features from `seconds` on, as if the recording had started there.
  public func starting(at seconds: Double) -> FrameFeatures {
    let frame = min(frameCount, max(0, Int((seconds * Double(Self.frameRate)).rounded())))
    let step = min(envelope.count, frame * Self.envelopeRate / Self.frameRate)
    var tail = FrameFeatures()
    tail.bandLevel = Array(bandLevel[frame...])
    tail.highBandLevel = Array(highBandLevel[min(frame, highBandLevel.count)...])
    tail.periodicity = Array(periodicity[min(frame, periodicity.count)...])
    tail.envelope = Array(envelope[step...])
    return tail
  }
}
