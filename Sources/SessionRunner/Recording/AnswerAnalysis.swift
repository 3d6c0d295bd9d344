import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Store

/// Measures one recorded answer and stores the recording and its measures.
///
/// Runs off the main thread after the turn ends: timing comes from the audio, word counts, ideas
/// and memories from the transcript beside it when there is one.
struct AnswerAnalysis: Sendable {
  var session: SessionID
  var database: SessionDatabase

  /// Returns true when measures were stored (answers of unseated players have no participant to file them under).
  func analyze(_ file: AnswerFile) throws -> Bool {
    let timing = try SpeechTimingAnalyzer().analyze(url: file.url, options: SpeechTimingOptions())
    guard let participant = file.request.participant else { return false }
    let key = AnswerKey(session: session, trial: file.request.trial, participant: participant)
    try database.recordings.save(
      Recording.ofFile(
        at: file.url.path, session: session, trial: file.request.trial, participant: participant,
        durationSeconds: timing.recordingDuration))
    var measures = AnswerMeasures(
      answer: key, firstWordOnsetSeconds: timing.firstWordOnset, lastWordOffsetSeconds: timing.lastWordOffset,
      speakingTimeSeconds: timing.speakingTime, pauseCount: timing.pauses.count,
      pauseTotalSeconds: timing.pauses.totalSeconds, pauseThresholdMilliseconds: timing.pauses.thresholdMilliseconds,
      ruleSetVersion: timing.algorithm)
    if let text = try? String(contentsOf: file.transcriptURL, encoding: .utf8) {
      TranscriptMeasuring.fill(&measures, from: text, named: file.transcriptURL.lastPathComponent)
    }
    try database.measures.save(measures)
    return true
  }
}
