import Foundation
import SpeechKit
import Store

/// The transcripts that sit beside answer recordings (``SpeechKit/TranscriptBesideRecording``).
///
/// The database keeps the recording's path only; transcripts are read when an export needs them.
enum AnswerTranscripts {
  /// The transcript beside each recording that has one.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` naming the file, line and column.
  static func load(for recordings: [AnswerKey: Recording], in database: SessionDatabase) throws
    -> [AnswerKey: Transcript]
  {
    var transcripts: [AnswerKey: Transcript] = [:]
    // In answer order, so that of two broken transcripts the same one is reported every time.
    for (answer, recording) in recordings.sorted(by: { $0.key < $1.key }) {
      transcripts[answer] = try beside(database.recordingFile(atStoredPath: recording.path))?.transcript
    }
    return transcripts
  }

  /// The transcript beside one recording, if any.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` naming the file, line and column.
  static func beside(_ audio: URL) throws -> (file: URL, transcript: Transcript)? {
    do {
      return try TranscriptBesideRecording.read(of: audio)
    } catch {
      throw StoreError.unreadableTranscript(error)
    }
  }

  /// The speaker whose words are `participant`'s answer (SpeechKit's ``SpeechKit/AnswerSpeaker``
  /// rule), or nil when there is none or several: filing refuses those, so they have no words.
  static func speaker(in transcript: Transcript, participant: String) -> String? {
    (try? AnswerSpeaker.choose(in: transcript, participant: participant, file: "")) ?? nil
  }

  /// The answer's own words: the answering speaker's utterances (the patient, not the therapist's
  /// prompt), under `speaker`.
  static func answer(in transcript: Transcript, as speaker: String) -> [Utterance] {
    guard let target = Self.speaker(in: transcript, participant: speaker) else { return [] }
    return transcript.utterances(of: target).map { utterance in
      var renamed = utterance
      renamed.speaker = speaker
      renamed.gem = nil
      renamed.headersBefore = []
      renamed.line = nil
      return renamed
    }
  }

  /// Where the answer's utterances sit on the recording's clock: the one rule the CHAT and
  /// TextGrid exports share for utterances without times.
  ///
  /// - An utterance with its own start and end keeps them and opens an interval.
  /// - An untimed utterance joins the interval of the timed utterance before it (at the start,
  ///   the first timed one after it).
  /// - When no utterance has times (typed text, however many sentences), the answer is one
  ///   interval over the measured first-to-last-word span, or over the whole recording when no
  ///   speech was measured.
  ///
  /// Every utterance is in exactly one interval, in the transcript's order.
  static func intervals(of spoken: [Utterance], measures: AnswerMeasures?, recordingDuration: Double)
    -> [AnswerInterval]
  {
    guard let firstTimed = spoken.firstIndex(where: { $0.start != nil && $0.end != nil }) else {
      guard !spoken.isEmpty else { return [] }
      let span = measuredSpeech(measures) ?? (0, recordingDuration)
      return [AnswerInterval(start: span.start, end: span.end, utterances: spoken)]
    }
    var intervals: [AnswerInterval] = []
    for (index, utterance) in spoken.enumerated() {
      if let start = utterance.start, let end = utterance.end {
        let leading = index == firstTimed ? Array(spoken[..<index]) : []
        intervals.append(AnswerInterval(start: start, end: end, utterances: leading + [utterance]))
      } else if index > firstTimed {
        intervals[intervals.count - 1].utterances.append(utterance)
      }
    }
    return intervals
  }

  /// The measured first-to-last-word span, when there is one: the span the measures describe.
  static func measuredSpeech(_ measures: AnswerMeasures?) -> (start: Double, end: Double)? {
    guard let first = measures?.firstWordOnsetSeconds, let last = measures?.lastWordOffsetSeconds, last > first
    else { return nil }
    return (first, last)
  }
}
