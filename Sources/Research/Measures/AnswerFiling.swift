import Foundation
import SessionModel
import SpeechKit
import Store

/// Measures answer recordings and files them with their measures.
///
/// The session files each answer when its turn ends; ``remeasure(session:study:)`` does it again
/// later, once researchers have put transcripts beside the recordings (typed, aligned in CLAN or
/// Praat, or from an ASR), so word counts, ideas and memories reach the exports.
public struct AnswerFiling: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Measures the recording at `audio` with the transcript beside it, if any, and stores the
  /// recording (with its checksum, its path relative to the database's folder when inside it)
  /// and its measures under `answer`, in one transaction: both or neither.
  ///
  /// The speech measured is the answering participant's (SpeechKit's `AnswerSpeaker` rule); a
  /// transcript without it files the measures as missing, with the reason.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` when the transcript cannot be read or does
  ///   not fit the recording (times off its clock, several candidate speakers); nothing is stored.
  @discardableResult
  public func file(recordingAt audio: URL, as answer: AnswerKey) throws -> FiledAnswer {
    try save(measure(recordingAt: audio, storedAs: database.storedPath(for: audio), sha256: nil, as: answer))
  }

  /// One answer measured and not yet stored.
  private struct Measured {
    var recording: Recording
    var filed: FiledAnswer
  }

  /// - Parameter sha256: the file's digest when the caller has just verified it, so the file is
  ///   not read a second time to hash it again.
  private func measure(recordingAt audio: URL, storedAs path: String, sha256: String?, as answer: AnswerKey) throws
    -> Measured
  {
    let found = try AnswerTranscripts.beside(audio)
    let measurement = try AnswerMeasurement.ofAnswer(
      answer, recordedIn: audio, transcript: found?.transcript, transcriptFile: found?.file.path ?? audio.path)
    let recording = Recording(
      session: answer.session, trial: answer.trial, participant: answer.participant, path: path,
      sha256: try sha256 ?? SHA256.hexDigest(ofFileAt: audio.path),
      durationSeconds: measurement.timing.recordingDuration)
    let measures = AnswerMeasures(answer: answer, measurement: measurement)
    return Measured(
      recording: recording,
      filed: FiledAnswer(
        measures: measures, transcript: found?.file, timingSource: measurement.timingSource,
        missing: measurement.missing))
  }

  private func save(_ measured: Measured) throws -> FiledAnswer {
    try database.recordings.save(measured.recording, measuredAs: measured.filed.measures)
    return measured.filed
  }

  /// Measures again every stored answer of `session` (or of `study`, or all), with the
  /// transcripts now beside the recordings.
  ///
  /// Every answer is measured before any is stored, and all are stored in one transaction, so a
  /// transcript refused (unreadable, off the recording's clock) or a save that fails leaves the
  /// database as it was. A recording whose bytes no longer match the
  /// checksum filed with it is refused, not measured: the measures must describe the answer as it
  /// was recorded.
  public func remeasure(session: SessionID? = nil, study: StudyID? = nil) throws -> [FiledAnswer] {
    let sessions: Set<SessionID>? =
      if let session { [session] } else if let study {
        Set(try database.sessions.fetchAll(study: study).map(\.id))
      } else {
        nil
      }
    let recordings = try database.recordings.fetchAll().filter { sessions?.contains($0.session) ?? true }
    var measured: [Measured] = []
    for recording in recordings.sorted(by: { $0.answer < $1.answer }) {
      let audio = database.recordingFile(atStoredPath: recording.path)
      guard FileManager.default.fileExists(atPath: audio.path) else {
        throw StoreError.recordingChanged(path: audio.path, isMissing: true)
      }
      guard try SHA256.hexDigest(ofFileAt: audio.path) == recording.sha256 else {
        throw StoreError.recordingChanged(path: audio.path, isMissing: false)
      }
      measured.append(
        try measure(recordingAt: audio, storedAs: recording.path, sha256: recording.sha256, as: recording.answer))
    }
    try database.recordings.save(measured.map { ($0.recording, $0.filed.measures) })
    return measured.map(\.filed)
  }
}

/// One answer as filed: its measures, the transcript they came from, and where its timing came from.
public struct FiledAnswer: Sendable {
  public var measures: AnswerMeasures
  /// The transcript beside the recording, or nil when only the audio was measured.
  public var transcript: URL?
  public var timingSource: AnswerMeasurement.TimingSource
  /// Why some of its measures are missing; empty when none is.
  public var missing: [MissingMeasureReason]

  public var answer: AnswerKey { measures.answer }
}

extension SessionDatabase {
  /// Measuring and filing answers: `database.answers.remeasure(session: id)`.
  public var answers: AnswerFiling { AnswerFiling(database: self) }
}
