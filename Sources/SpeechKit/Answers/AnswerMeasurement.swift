import Foundation

/// Everything measured in one answer: its timing and, when a transcript exists, its words,
/// ideas and memories; and why any of them is missing, since a missing measure is never 0.
///
/// Timing comes from the transcript's word times when it has them (a researcher aligned them,
/// or reviewed an ASR draft), because they are the words themselves; otherwise from the audio.
/// An unreviewed ASR draft (``TranscriptSource/asr``) gives its counts, labelled as a draft, but
/// never the timing: the audio's timing stays what it was before the draft, so a draft changes no
/// figure the analysis reads by default. Only the
/// answering speaker's speech counts (``AnswerSpeaker``), and only a transcript whose times lie
/// on the recording's clock is measured (``AnswerSpeech``).
public struct AnswerMeasurement: Equatable, Sendable, Codable {
  public var timing: SpeechTiming
  public var timingSource: TimingSource
  public var transcript: TranscriptMeasures?
  /// Where the transcript's words came from; nil without a transcript.
  public var transcriptSource: TranscriptSource?
  /// Why measures are missing: empty when everything was measured.
  public var missing: [MissingMeasureReason]

  public enum TimingSource: String, Sendable, Codable {
    case words
    case audio
  }

  enum CodingKeys: String, CodingKey {
    case timing
    case timingSource = "timing_source"
    case transcript
    case transcriptSource = "transcript_source"
    case missing = "missing_reasons"
  }

  /// Measures the answer recorded in `audio`, with `transcript` (read from `transcriptFile`) if given.
  ///
  /// - Throws: ``AudioError`` when the recording cannot be read, ``TranscriptReadError`` when the
  ///   transcript's times or speakers do not fit this answer (see ``AnswerSpeech``).
  public static func measure(
    audio: URL, transcript: Transcript?, transcriptFile: String = "<transcription>", participant: String? = nil,
    speaker: String? = nil, options: SpeechTimingOptions = SpeechTimingOptions()
  ) throws -> AnswerMeasurement {
    try measure(
      recording: WAVFile.read(audio), transcript: transcript, transcriptFile: transcriptFile, participant: participant,
      speaker: speaker, options: options)
  }

  /// Measures the answer `recording` holds, with `transcript` if given: the speech of `speaker`
  /// when named, otherwise of the speaker ``AnswerSpeaker`` picks for `participant`.
  ///
  /// Opening a reader reads only the header; the samples are read (and voice activity detected)
  /// only when the transcript has no word times, since otherwise the timing comes from the words
  /// and the recording gives just its duration.
  public static func measure(
    recording: WAVReader, transcript: Transcript?, transcriptFile: String = "<transcription>",
    participant: String? = nil, speaker: String? = nil, options: SpeechTimingOptions = SpeechTimingOptions()
  ) throws -> AnswerMeasurement {
    var missing: [MissingMeasureReason] = []
    var measures: TranscriptMeasures?
    var words: [TimedWord] = []
    var hasWordTimes = false
    if let transcript {
      let speech = try AnswerSpeech.select(
        in: transcript, file: transcriptFile, recordingDuration: recording.duration, participant: participant,
        chosen: speaker)
      if let target = speech.speaker, !speech.utterances.isEmpty {
        measures = TranscriptMeasures.measure(transcript, speaker: target)
        let rules = WordCountRules.forTranscripts(in: transcript.format)
        words = AnswerWordTimes.speech(of: speech.utterances, rules: rules)
        hasWordTimes =
          speech.utterances.contains { !$0.words.isEmpty }
          && AnswerWordTimes.placeAllTheWords(of: speech.utterances, rules: rules)
      } else {
        missing.append(.noSpeechOfSpeaker)
      }
    } else {
      missing.append(.noTranscript)
    }
    var options = options
    options.wordCount = options.wordCount ?? measures?.wordCounts.words
    var measurement: AnswerMeasurement
    if transcript?.source == .asr { (words, hasWordTimes) = ([], false) }
    if !hasWordTimes {
      let timing = try SpeechTimingAnalyzer().analyze(recording, options: options)
      measurement = AnswerMeasurement(timing: timing, timingSource: .audio, transcript: measures, missing: missing)
    } else {
      let segments = words.sorted { $0.start < $1.start }.map { SpeechSegment(start: $0.start, end: $0.end) }
      var timing = SpeechTiming(
        file: recording.name, recordingDuration: recording.duration, segments: Self.joined(segments), options: options)
      timing.algorithm = "word-times"
      measurement = AnswerMeasurement(timing: timing, timingSource: .words, transcript: measures, missing: missing)
    }
    measurement.transcriptSource = transcript?.source
    if measurement.timing.firstWordOnset == nil { measurement.missing.append(.noSpeechInRecording) }
    return measurement
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
