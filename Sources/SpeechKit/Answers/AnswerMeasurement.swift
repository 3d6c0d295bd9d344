import Foundation

/// Everything measured in one answer: its timing and, when a transcript exists, its words,
/// ideas and memories.
///
/// Timing comes from the transcript's word times when it has them (a researcher aligned them,
/// or an ASR did), because they are the words themselves; otherwise from the audio.
public struct AnswerMeasurement: Equatable, Sendable, Codable {
  public var timing: SpeechTiming
  public var timingSource: TimingSource
  public var transcript: TranscriptMeasures?

  public enum TimingSource: String, Sendable, Codable {
    case words
    case audio
  }

  enum CodingKeys: String, CodingKey {
    case timing
    case timingSource = "timing_source"
    case transcript
  }

  /// Measures the answer recorded in `audio`, with `transcript` for `speaker` if given.
  public static func measure(
    audio: URL, transcript: Transcript?, speaker: String? = nil,
    options: SpeechTimingOptions = SpeechTimingOptions()
  ) throws(AudioError) -> AnswerMeasurement {
    try measure(recording: WAVFile.read(audio), transcript: transcript, speaker: speaker, options: options)
  }

  /// Measures the answer `recording` holds, with `transcript` for `speaker` if given.
  ///
  /// Opening a reader reads only the header; the samples are read (and voice activity detected)
  /// only when the transcript has no word times, since otherwise the timing comes from the words
  /// and the recording gives just its duration.
  public static func measure(
    recording: WAVReader, transcript: Transcript?, speaker: String? = nil,
    options: SpeechTimingOptions = SpeechTimingOptions()
  ) throws(AudioError) -> AnswerMeasurement {
    let target = speaker ?? transcript?.defaultTargetSpeaker ?? "PAR"
    let measures = transcript.map { TranscriptMeasures.measure($0, speaker: target) }
    var options = options
    options.wordCount = options.wordCount ?? measures?.wordCounts.words
    let words = transcript?.utterances(of: target).flatMap(\.words) ?? []
    guard !words.isEmpty else {
      let timing = try SpeechTimingAnalyzer().analyze(recording, options: options)
      return AnswerMeasurement(timing: timing, timingSource: .audio, transcript: measures)
    }
    let segments = words.sorted { $0.start < $1.start }.map { SpeechSegment(start: $0.start, end: $0.end) }
    var timing = SpeechTiming(
      file: recording.name, recordingDuration: recording.duration, segments: Self.joined(segments), options: options)
    timing.algorithm = "word-times"
    return AnswerMeasurement(timing: timing, timingSource: .words, transcript: measures)
  }

  /// Touching or overlapping words make one stretch of speech; only real gaps can be pauses.
  static func joined(_ segments: [SpeechSegment]) -> [SpeechSegment] {
    var joined: [SpeechSegment] = []
    for segment in segments {
      if let last = joined.last, segment.start <= last.end {
        joined[joined.count - 1].end = max(last.end, segment.end)
      } else {
        joined.append(segment)
      }
    }
    return joined
  }
}
