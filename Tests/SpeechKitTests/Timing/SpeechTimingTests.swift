import Foundation
import SpeechKit
import Testing

@Suite struct SpeechTimingTests {
  static let segments = [
    SpeechSegment(start: 1.0, end: 2.0), SpeechSegment(start: 2.1, end: 3.0), SpeechSegment(start: 4.5, end: 5.0),
  ]

  @Test func spanSpeakingTimeLatencyAndRates() {
    let timing = SpeechTiming(
      file: "a.wav", recordingDuration: 6, segments: Self.segments,
      options: SpeechTimingOptions(minimumPause: 0.25, stimulusOnset: 0.4, wordCount: 12))
    #expect(timing.firstWordOnset == 1.0)
    #expect(timing.lastWordOffset == 5.0)
    #expect(timing.speechDuration == 4.0)
    // The 100 ms gap is below the threshold and stays in the speaking time; the 1.5 s pause does not.
    #expect(abs(timing.speakingTime! - 2.5) < 1e-9)
    #expect(abs(timing.latencyFromStimulus! - 0.6) < 1e-9)
    #expect(abs(timing.speechRate! - 180) < 1e-9)
    #expect(abs(timing.articulationRate! - 4.8) < 1e-9)
    #expect(timing.algorithm == VoiceActivityDetector.algorithm)
  }

  @Test func silenceHasNoWordTimes() throws {
    let timing = SpeechTiming(
      file: "s.wav", recordingDuration: 3, segments: [], options: SpeechTimingOptions(wordCount: 0))
    #expect(timing.firstWordOnset == nil && timing.speechDuration == nil && timing.speechRate == nil)
    let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(timing)) as! [String: Any]
    #expect(json["first_word_onset_s"] is NSNull)
  }

  @Test func jsonUsesTheExportNames() throws {
    let timing = SpeechTiming(
      file: "a.wav", recordingDuration: 6, segments: Self.segments, options: SpeechTimingOptions())
    let data = try JSONEncoder().encode(timing)
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    #expect(
      Set(json.keys) == [
        "file", "algorithm", "recording_duration_s", "first_word_onset_s", "last_word_offset_s", "speech_duration_s",
        "speaking_time_s", "segments", "pauses", "latency_from_stimulus_s", "speech_rate_wpm", "articulation_rate_wps",
      ])
    #expect((json["segments"] as! [[Double]]) == [[1.0, 2.0], [2.1, 3.0], [4.5, 5.0]])
    #expect(try JSONDecoder().decode(SpeechTiming.self, from: data) == timing)
  }
}
