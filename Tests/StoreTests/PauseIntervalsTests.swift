import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Store

/// The pauses an answer's `silent_pauses_n` counts are kept with its measures, so that the
/// TextGrid export shows exactly them (migration `v3-pause-intervals`).
@Suite struct PauseIntervalsTests {
  /// Speech 0.5–1.0, 1.1–2.0, 2.4–3.0, 4.0–4.5: gaps of 0.1 s (not a pause), 0.4 s and 1 s.
  static let timing = SpeechTiming(
    file: "a.wav", recordingDuration: 5,
    segments: [
      SpeechSegment(start: 0.5, end: 1), SpeechSegment(start: 1.1, end: 2), SpeechSegment(start: 2.4, end: 3),
      SpeechSegment(start: 4, end: 4.5),
    ], options: SpeechTimingOptions())

  @Test func theIntervalsAreThePausesTheStatisticsCount() {
    let intervals = Self.timing.pauseIntervals
    #expect(intervals == [SpeechSegment(start: 2, end: 2.4), SpeechSegment(start: 3, end: 4)])
    #expect(intervals.count == Self.timing.pauses.count)
    #expect(abs(intervals.reduce(0) { $0 + $1.duration } - Self.timing.pauses.totalSeconds) < 1e-12)
  }

  @Test func theyAreSavedWithTheMeasuresAndReadBack() throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    // What `analyze` hands over, through its public JSON form.
    let timing = String(decoding: try JSONEncoder().encode(Self.timing), as: UTF8.self)
    let measurement = try JSONDecoder().decode(
      AnswerMeasurement.self,
      from: Data(#"{"timing": \#(timing), "timing_source": "audio", "missing_reasons": []}"#.utf8))
    let measures = AnswerMeasures(answer: answer, measurement: measurement)
    #expect(measures.pauseIntervals?.count == measures.pauseCount)
    try database.measures.save(measures)
    #expect(try database.measures.fetch(answer)?.pauseIntervals == Self.timing.pauseIntervals)
    // Figures entered without their pauses read back as unknown, not as "no pause".
    try database.measures.save(AnswerMeasures(answer: answer, pauseCount: 2, ruleSetVersion: "wc-fr-chat-1.0"))
    #expect(try database.measures.fetch(answer)?.pauseIntervals == nil)
  }
}
