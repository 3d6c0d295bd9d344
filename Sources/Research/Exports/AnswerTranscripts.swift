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

  /// A transcript without times (typed text) gets the measured first-to-last-word span when it is
  /// one utterance: that is exactly the span the measures describe. Anything else is left as is.
  static func timed(_ spoken: [Utterance], by measures: AnswerMeasures?) -> [Utterance] {
    guard spoken.count == 1, spoken[0].start == nil, let first = measures?.firstWordOnsetSeconds,
      let last = measures?.lastWordOffsetSeconds
    else { return spoken }
    var timed = spoken
    timed[0].start = first
    timed[0].end = last
    return timed
  }
}
