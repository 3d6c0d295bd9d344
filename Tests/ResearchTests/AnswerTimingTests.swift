import SessionModel
import SpeechKit
import Store
import Testing

@testable import Research

/// The one rule the CHAT and TextGrid exports share for utterances without times
/// (`AnswerTranscripts.intervals`), and what each format makes of it.
@Suite struct AnswerTimingTests {
  struct TimingCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    /// Utterances as (text, start, end); nil times are untimed.
    let spoken: [(String, Double?, Double?)]
    /// Measured first and last word times, or nil when nothing was measured.
    let measured: (Double, Double)?
    /// Each interval as (start, end, texts).
    let intervals: [(Double, Double, [String])]
    /// The CHAT bullets, one per utterance, nil for none.
    let bullets: [ClosedRange<Double>?]
  }

  static let cases: [TimingCase] = [
    TimingCase(
      testDescription: "one typed sentence spans the measured speech",
      spoken: [("le verger .", nil, nil)], measured: (1, 2.5),
      intervals: [(1, 2.5, ["le verger ."])], bullets: [1...2.5]),
    TimingCase(
      testDescription: "one typed sentence, nothing measured, spans the recording",
      spoken: [("le verger .", nil, nil)], measured: nil,
      intervals: [(0, 4, ["le verger ."])], bullets: [0...4]),
    TimingCase(
      testDescription: "a measured span without length is no speech",
      spoken: [("le verger .", nil, nil)], measured: (2, 2),
      intervals: [(0, 4, ["le verger ."])], bullets: [0...4]),
    TimingCase(
      testDescription: "several typed sentences share one interval and get no invented bullets",
      spoken: [("le verger .", nil, nil), ("les pommes .", nil, nil)], measured: (1, 3),
      intervals: [(1, 3, ["le verger .", "les pommes ."])], bullets: [nil, nil]),
    TimingCase(
      testDescription: "untimed sentences join the timed one before them, or after them at the start",
      spoken: [("euh .", nil, nil), ("le verger .", 1, 2), ("oui .", nil, nil), ("les pommes .", 3, 4)],
      measured: (1, 4),
      intervals: [(1, 2, ["euh .", "le verger .", "oui ."]), (3, 4, ["les pommes ."])],
      bullets: [nil, 1...2, nil, 3...4]),
  ]

  @Test(arguments: cases) func oneRulePlacesEveryUtteranceOnce(_ timing: TimingCase) {
    let spoken = timing.spoken.map { Utterance(speaker: "P01", text: $0.0, start: $0.1, end: $0.2) }
    let measures = timing.measured.map {
      AnswerMeasures(
        answer: AnswerKey(session: "S01", trial: "T1", participant: code("P01")), firstWordOnsetSeconds: $0.0,
        lastWordOffsetSeconds: $0.1, ruleSetVersion: "wc-fr-chat-1.0")
    }
    let intervals = AnswerTranscripts.intervals(of: spoken, measures: measures, recordingDuration: 4)
    #expect(intervals.map { [$0.start, $0.end] } == timing.intervals.map { [$0.0, $0.1] })
    #expect(intervals.map { $0.utterances.map(\.text) } == timing.intervals.map(\.2))
    // TextGrid: every utterance at its interval's times, none left off the tier.
    let tier = intervals.flatMap(\.timedUtterances)
    #expect(tier.map(\.text) == spoken.map(\.text))
    #expect(tier.allSatisfy { $0.start != nil && $0.end != nil })
    // CHAT: a bullet where the interval is one utterance's, or the utterance's own.
    let chat = CHATExport.bulleted(intervals)
    #expect(chat.map(\.text) == spoken.map(\.text))
    #expect(
      chat.map { utterance in utterance.start.flatMap { start in utterance.end.map { start...$0 } } } == timing.bullets)
  }
}
