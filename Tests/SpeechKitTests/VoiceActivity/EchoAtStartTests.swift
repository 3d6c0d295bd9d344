import Foundation
import SpeechKit
import TestSupport
import Testing

/// An answer analysed from the marked end of the therapist's prompt starts with the patient, not
/// with the prompt's reverberation after the mark.
@Suite struct EchoAtStartTests {
  static let rate = VoiceActivityDetectorTests.rate

  static func vowel(_ seconds: Double) -> [Float] { VoiceActivityDetectorTests.vowel(seconds: seconds) }
  static func silence(_ seconds: Double) -> [Float] { VoiceActivityDetectorTests.silence(seconds) }

  /// The prompt, a gap, then the answer, all in one room; the answer's start and the mark.
  static func promptThenAnswer(gap: Double, rt60: Double) -> (samples: [Float], mark: Double, answer: Double) {
    var noise = SeededGenerator(seed: 21)
    let prompt = silence(0.3) + vowel(0.8)
    let dry = prompt + silence(gap) + vowel(0.6) + silence(1.2)
    var samples = RoomReverb(rt60: rt60, directToReverberant: 2, sampleRate: rate).apply(to: dry)
    for index in samples.indices { samples[index] += 0.0003 * noise.gaussian() }
    let mark = Double(prompt.count) / Double(rate)
    return (samples, mark, mark + gap)
  }

  static func onset(_ samples: [Float], promptEnd: Double) -> Double? {
    SpeechTimingAnalyzer().analyze(
      samples: samples, sampleRate: rate, name: "synthetic", options: .init(promptEnd: promptEnd)
    ).firstWordOnset
  }

  /// The prompt's echo outlasts the gap in the longer rooms: the answer rises out of it.
  @Test(arguments: [(0.4, 0.4), (0.7, 0.4), (0.7, 0.9), (0.9, 0.3)])
  func theAnswerStartsWithThePatientNotThePromptsEcho(rt60: Double, gap: Double) throws {
    let (samples, mark, answer) = Self.promptThenAnswer(gap: gap, rt60: rt60)
    let onset = try #require(Self.onset(samples, promptEnd: mark))
    #expect(abs(onset - answer) <= 0.03, "onset \(onset), mark \(mark), answer \(answer)")
  }

  /// A patient who starts before the prompt is over is speaking at the mark: nothing is skipped.
  @Test func aVoiceAtTheMarkIsNotAnEcho() throws {
    let samples = Self.silence(0.5) + Self.vowel(1.2) + Self.silence(1)
    let mark = 0.9
    let onset = try #require(Self.onset(samples, promptEnd: mark))
    #expect(abs(onset - mark) <= 0.01, "onset \(onset), mark \(mark)")
  }
}
