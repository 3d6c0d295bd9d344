import Foundation
import SpeechKit

extension AnswerMeasures {
  /// What SpeechKit measured in `answer`, in the form the database keeps; the rule set names both
  /// the timing algorithm and the word-counting rules, so a figure can always be traced.
  ///
  /// Pauses are gaps inside the first-to-last-word span: with no speech there is no span, so the
  /// pause count and total are missing like the onset, not zeros that exports and statistics
  /// would take for an answer spoken without a pause.
  public init(answer: AnswerKey, measurement: AnswerMeasurement) {
    let timing = measurement.timing
    let counts = measurement.transcript
    let spoke = timing.firstWordOnset != nil
    self.init(
      answer: answer, firstWordOnsetSeconds: timing.firstWordOnset, lastWordOffsetSeconds: timing.lastWordOffset,
      speakingTimeSeconds: timing.speakingTime, pauseCount: spoke ? timing.pauses.count : nil,
      pauseTotalSeconds: spoke ? timing.pauses.totalSeconds : nil,
      pauseThresholdMilliseconds: timing.pauses.thresholdMilliseconds,
      words: counts?.wordCounts.words, wordsSplit: counts?.wordCounts.wordsSplit, ideas: counts?.ideas.ideas,
      automaticMemories: counts?.memories.automatic.count,
      ruleSetVersion: [timing.algorithm, counts?.ruleset].compactMap { $0 }.joined(separator: "+"),
      pauseIntervals: timing.pauseIntervals,
      missingReason: MissingMeasureReason.code(of: measurement.missing),
      transcriptSource: measurement.transcriptSource)
  }
}

extension AnswerMeasurement {
  /// Measures the answer recorded in `audio` with `transcript`, as the answering participant's
  /// speech: the one measurement behind filing, re-measuring and the review's transcript saves.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` when the transcript does not fit the
  ///   recording (times off its clock, several candidate speakers).
  public static func ofAnswer(
    _ answer: AnswerKey, recordedIn audio: URL, transcript: Transcript?, transcriptFile: String
  )
    throws -> AnswerMeasurement
  {
    do {
      return try AnswerMeasurement.measure(
        audio: audio, transcript: transcript, transcriptFile: transcriptFile, participant: answer.participant.rawValue)
    } catch let error as TranscriptReadError {
      throw StoreError.unreadableTranscript(error)
    }
  }
}
