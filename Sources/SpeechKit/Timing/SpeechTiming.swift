/// The timing of one spoken answer, measured from its recording.
///
/// Times are seconds from the start of the recording. With no speech at all, the word times
/// and durations are `nil` (NA in exports).
public struct SpeechTiming: Equatable, Sendable, Codable {
  public var file: String
  /// The rule set that produced these figures (``VoiceActivityDetector/algorithm``).
  public var algorithm: String
  public var recordingDuration: Double
  public var firstWordOnset: Double?
  public var lastWordOffset: Double?
  /// `lastWordOffset − firstWordOnset`: the "first to last word" span.
  public var speechDuration: Double?
  /// Speech duration minus the pauses (phonation time).
  public var speakingTime: Double?
  public var segments: [SpeechSegment]
  public var pauses: PauseStatistics
  public var latencyFromStimulus: Double?
  /// Words per minute over the speech duration, when the word count is known.
  public var speechRate: Double?
  /// Words per second of speaking time, when the word count is known.
  public var articulationRate: Double?

  public init(file: String, recordingDuration: Double, segments: [SpeechSegment], options: SpeechTimingOptions) {
    self.file = file
    self.algorithm = VoiceActivityDetector.algorithm
    self.recordingDuration = recordingDuration
    let segments =
      options.promptEnd.map { end in
        segments.compactMap { $0.end > end ? SpeechSegment(start: max($0.start, end), end: $0.end) : nil }
      } ?? segments
    self.segments = segments
    let gaps = zip(segments, segments.dropFirst()).map { $1.start - $0.end }
    pauses = PauseStatistics(gaps: gaps, threshold: options.minimumPause)
    guard let first = segments.first, let last = segments.last else { return }
    firstWordOnset = first.start
    lastWordOffset = last.end
    let span = last.end - first.start
    speechDuration = span
    let speaking = span - pauses.totalSeconds
    speakingTime = speaking
    if let onset = options.stimulusOnset { latencyFromStimulus = first.start - onset }
    if let words = options.wordCount {
      speechRate = span > 0 ? Double(words) / (span / 60) : nil
      articulationRate = speaking > 0 ? Double(words) / speaking : nil
    }
  }

  /// The silent pauses ``pauses`` counts, as intervals: each gap between consecutive segments at
  /// least the threshold long, from the end of one to the start of the next.
  public var pauseIntervals: [SpeechSegment] {
    let threshold = Double(pauses.thresholdMilliseconds) / 1000
    return zip(segments, segments.dropFirst()).compactMap { before, after in
      PauseStatistics.isPause(after.start - before.end, threshold: threshold)
        ? SpeechSegment(start: before.end, end: after.start) : nil
    }
  }

  enum CodingKeys: String, CodingKey {
    case file, algorithm, segments, pauses
    case recordingDuration = "recording_duration_s"
    case firstWordOnset = "first_word_onset_s"
    case lastWordOffset = "last_word_offset_s"
    case speechDuration = "speech_duration_s"
    case speakingTime = "speaking_time_s"
    case latencyFromStimulus = "latency_from_stimulus_s"
    case speechRate = "speech_rate_wpm"
    case articulationRate = "articulation_rate_wps"
  }

  /// Writes every key, with `null` for what could not be measured, so columns never go missing.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(algorithm, forKey: .algorithm)
    try container.encode(recordingDuration, forKey: .recordingDuration)
    try container.encode(firstWordOnset, forKey: .firstWordOnset)
    try container.encode(lastWordOffset, forKey: .lastWordOffset)
    try container.encode(speechDuration, forKey: .speechDuration)
    try container.encode(speakingTime, forKey: .speakingTime)
    try container.encode(segments, forKey: .segments)
    try container.encode(pauses, forKey: .pauses)
    try container.encode(latencyFromStimulus, forKey: .latencyFromStimulus)
    try container.encode(speechRate, forKey: .speechRate)
    try container.encode(articulationRate, forKey: .articulationRate)
  }
}
