import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Store

/// Measures one recorded answer and stores the recording and its measures.
///
/// Runs off the main thread after the turn ends. Word counts, ideas and memories come from the
/// plain-text transcript beside the recording when there is one (typed by the therapist, or the
/// demo's spoken sentence); an unreadable transcript leaves them empty rather than guessed.
struct AnswerAnalysis: Sendable {
  var session: SessionID
  var database: SessionDatabase

  /// Returns true when measures were stored (answers of unseated players have no participant to file them under).
  func analyze(_ file: AnswerFile) throws -> Bool {
    let transcript = (try? String(contentsOf: file.transcriptURL, encoding: .utf8)).flatMap {
      try? PlainTextReader.read(text: $0, file: file.transcriptURL.lastPathComponent)
    }
    let measurement = try AnswerMeasurement.measure(audio: file.url, transcript: transcript, speaker: "PAR")
    guard let participant = file.request.participant else { return false }
    let timing = measurement.timing
    try database.recordings.save(
      Recording.ofFile(
        at: file.url.path, session: session, trial: file.request.trial, participant: participant,
        durationSeconds: timing.recordingDuration))
    let counts = measurement.transcript
    try database.measures.save(
      AnswerMeasures(
        answer: AnswerKey(session: session, trial: file.request.trial, participant: participant),
        firstWordOnsetSeconds: timing.firstWordOnset, lastWordOffsetSeconds: timing.lastWordOffset,
        speakingTimeSeconds: timing.speakingTime, pauseCount: timing.pauses.count,
        pauseTotalSeconds: timing.pauses.totalSeconds, pauseThresholdMilliseconds: timing.pauses.thresholdMilliseconds,
        words: counts?.wordCounts.words, wordsSplit: counts?.wordCounts.wordsSplit, ideas: counts?.ideas.ideas,
        automaticMemories: counts?.memories.automatic.count,
        ruleSetVersion: [timing.algorithm, counts?.ruleset].compactMap { $0 }.joined(separator: "+")))
    return true
  }
}
