import SessionModel
import SpeechKit
import Store
import Testing

@testable import Review

/// The speech drawn on the waveform is exactly what the measures describe.
struct DetectedSpeechTests {
  static func measures(first: Double?, last: Double?, pauses: [SpeechSegment]?) -> AnswerMeasures {
    AnswerMeasures(
      answer: AnswerKey(session: "S01", trial: "T1", participant: ParticipantCode(rawValue: "P01")!),
      firstWordOnsetSeconds: first, lastWordOffsetSeconds: last, ruleSetVersion: "wc-fr-chat-1.0",
      pauseIntervals: pauses)
  }

  @Test func leavesThePausesOut() {
    let segments = DetectedSpeech.segments(
      of: Self.measures(
        first: 0.5, last: 6.25, pauses: [SpeechSegment(start: 3.5, end: 4.125), SpeechSegment(start: 2.25, end: 2.75)]))
    #expect(
      segments == [
        SpeechSegment(start: 0.5, end: 2.25), SpeechSegment(start: 2.75, end: 3.5),
        SpeechSegment(start: 4.125, end: 6.25),
      ])
  }

  @Test func isEmptyWithoutSpeech() {
    #expect(DetectedSpeech.segments(of: nil).isEmpty)
    #expect(DetectedSpeech.segments(of: Self.measures(first: nil, last: nil, pauses: [])).isEmpty)
  }

  @Test func isOneStretchWhenNoPauseWasKept() {
    #expect(
      DetectedSpeech.segments(of: Self.measures(first: 1, last: 2, pauses: nil)) == [SpeechSegment(start: 1, end: 2)])
  }
}
