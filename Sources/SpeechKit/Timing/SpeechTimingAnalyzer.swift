import Foundation

/// Measures the timing of a spoken answer from its WAV recording.
///
/// The file is read in blocks, resampled to 16 kHz and turned into per-frame features; only the
/// features (a few megabytes per hour) are kept for the decision, never the audio.
public struct SpeechTimingAnalyzer: Sendable {
  public static let analysisRate = FeatureExtractor.sampleRate
  private static let blockFrames = 32_768

  public var detector: VoiceActivityDetector

  public init(detector: VoiceActivityDetector = VoiceActivityDetector()) {
    self.detector = detector
  }

  public func analyze(url: URL, options: SpeechTimingOptions = SpeechTimingOptions()) throws(AudioError) -> SpeechTiming
  {
    try analyze(WAVFile.read(url), options: options)
  }

  /// Timing of the samples `reader` has not read yet, named after the reader's file.
  public func analyze(_ reader: WAVReader, options: SpeechTimingOptions = SpeechTimingOptions()) throws(AudioError)
    -> SpeechTiming
  {
    let features = try Self.features(of: reader)
    return SpeechTiming(
      file: reader.name, recordingDuration: reader.duration, segments: segments(in: features, options: options),
      options: options)
  }

  /// Timing of samples already in memory (live monitoring, tests).
  public func analyze(
    samples: [Float], sampleRate: Int, name: String, options: SpeechTimingOptions = SpeechTimingOptions()
  ) -> SpeechTiming {
    var resampler = SincResampler(inputRate: sampleRate, outputRate: Self.analysisRate)
    var extractor = FeatureExtractor(expectedSampleCount: samples.count * Self.analysisRate / sampleRate)
    extractor.consume(resampler.process(samples))
    extractor.consume(resampler.finish())
    return SpeechTiming(
      file: name, recordingDuration: Double(samples.count) / Double(sampleRate),
      segments: segments(in: extractor.features, options: options), options: options)
  }

  /// The answer's segments. With the prompt's end marked, only what follows the mark is
  /// analysed, as a recording started there would be: the prompt, its room tail and a sound
  /// between it and the answer then cannot join the answer's first segment.
  private func segments(in features: FrameFeatures, options: SpeechTimingOptions) -> [SpeechSegment] {
    guard let promptEnd = options.promptEnd, promptEnd > 0 else { return detector.segments(in: features) }
    let mark = (promptEnd * Double(FrameFeatures.frameRate)).rounded() / Double(FrameFeatures.frameRate)
    let start = mark + detector.endOfEchoAtStart(in: features.starting(at: mark))
    return detector.segments(in: features.starting(at: start)).map {
      SpeechSegment(start: $0.start + start, end: $0.end + start)
    }
  }

  /// Streams a reader through the resampler and the feature extractor.
  public static func features(of reader: WAVReader) throws(AudioError) -> FrameFeatures {
    var resampler = SincResampler(inputRate: reader.format.sampleRate, outputRate: analysisRate)
    let expected = Int(
      (Double(reader.frameCount - reader.position) * Double(analysisRate) / Double(reader.format.sampleRate)).rounded(
        .up))
    var extractor = FeatureExtractor(expectedSampleCount: expected)
    while true {
      let block = try reader.readMono(maxFrames: blockFrames)
      if block.isEmpty { break }
      extractor.consume(resampler.process(block))
    }
    extractor.consume(resampler.finish())
    return extractor.features
  }
}
