/// The layout of the samples in a WAV file.
public struct WAVFormat: Equatable, Hashable, Sendable {
  public var encoding: SampleEncoding
  public var sampleRate: Int
  public var channels: Int
  /// Whether the header uses WAVE_FORMAT_EXTENSIBLE (needed by some tools for > 2 channels or > 16 bits).
  public var isExtensible: Bool

  public init(encoding: SampleEncoding, sampleRate: Int, channels: Int, isExtensible: Bool = false) {
    self.encoding = encoding
    self.sampleRate = sampleRate
    self.channels = channels
    self.isExtensible = isExtensible
  }

  /// Bytes per frame (one sample of every channel).
  public var blockAlign: Int { encoding.bytesPerSample * channels }

  /// The format live recordings use: mono 16-bit PCM.
  public static func speech(sampleRate: Int = 16_000) -> WAVFormat {
    WAVFormat(encoding: .signed16, sampleRate: sampleRate, channels: 1)
  }
}
