import Foundation
import SpeechKit
import TestSupport
import Testing

/// Behaviour on hand-made signals; the corpus tests cover real (synthetic) speech.
@Suite struct VoiceActivityDetectorTests {
  static let rate = 16_000

  /// A vowel-like sound: a 140 Hz glottal pulse train through two formant-like resonances.
  static func vowel(seconds: Double, amplitude: Float = 0.3) -> [Float] {
    let count = Int(seconds * Double(rate))
    var low: Float = 0
    var high: Float = 0
    return (0..<count).map { index in
      let pulse: Float = index % (rate / 140) == 0 ? 1 : 0
      low = 0.9 * low + pulse
      high = -0.5 * high + low
      let envelope = min(1, Float(index) / 400, Float(count - index) / 400)
      return amplitude * envelope * (0.3 * low + 0.2 * high) * Float(sin(Double(index) * 0.35))
    }
  }

  static func silence(_ seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * Double(rate))) }

  static func analyze(_ samples: [Float]) -> [SpeechSegment] {
    SpeechTimingAnalyzer().analyze(samples: samples, sampleRate: rate, name: "synthetic").segments
  }

  @Test("a room sound alone is not speech", arguments: SyntheticSounds.transientNames)
  func roomSoundAloneIsNotSpeech(name: String) {
    var generator = SeededGenerator(seed: 7)
    var noise = SeededGenerator(seed: 8)
    let sound = SyntheticSounds.named(name, using: &generator)
    let floor = (0..<(3 * Self.rate)).map { _ in 0.001 * noise.gaussian() }
    var mix = floor
    for (index, sample) in sound.enumerated() { mix[Self.rate + index] += sample }
    #expect(Self.analyze(mix).isEmpty)
  }

  @Test("a room sound before the first word does not move the onset", arguments: SyntheticSounds.transientNames)
  func roomSoundBeforeSpeechIsIgnored(name: String) throws {
    var generator = SeededGenerator(seed: 3)
    let sound = SyntheticSounds.named(name, using: &generator)
    var mix = Self.silence(0.3) + sound + Self.silence(0.6)
    let onset = Double(mix.count) / Double(Self.rate)
    mix += Self.vowel(seconds: 0.5) + Self.silence(0.5)
    let segments = Self.analyze(mix)
    let first = try #require(segments.first)
    #expect(abs(first.start - onset) < 0.03, "onset \(first.start), expected \(onset)")
    #expect(abs(segments.last!.end - (onset + 0.5)) < 0.03)
  }

  @Test func pausesBetweenWordsSeparateSegments() {
    let mix =
      Self.silence(0.5) + Self.vowel(seconds: 0.4) + Self.silence(0.6) + Self.vowel(seconds: 0.3) + Self.silence(0.5)
    let segments = Self.analyze(mix)
    #expect(segments.count == 2)
    if segments.count == 2 { #expect(abs(segments[1].start - segments[0].end - 0.6) < 0.03) }
  }

  @Test func aDistantVoiceIsNotTheSpeaker() {
    let near = Self.vowel(seconds: 0.6)
    let far = Self.vowel(seconds: 0.6, amplitude: 0.3 / 31.6)  // 30 dB down
    let mix = Self.silence(0.4) + far + Self.silence(0.5) + near + Self.silence(0.5) + far + Self.silence(0.3)
    let segments = Self.analyze(mix)
    #expect(segments.count == 1)
    #expect(abs((segments.first?.start ?? 0) - 1.5) < 0.03)
  }

  /// A quiet word-final sound (20 dB below the speaker, after a 30 ms closure filled by murmurs)
  /// is the speaker's when it then stops abruptly down to the room, even when the room is murmurs
  /// with moments of silence: the tail falls back to the murmurs' level, not to the silence between.
  @Test func aQuietWordFinalSoundBeforeMurmursWithSilencesIsKept() throws {
    let speech = Self.silence(0.5) + Self.vowel(seconds: 0.5) + Self.silence(0.03)
    let tail = Self.vowel(seconds: 0.12, amplitude: 0.3 / 10)  // 20 dB down
    var mix = speech + tail + Self.silence(1.6)
    let end = Double(speech.count + tail.count) / Double(Self.rate)
    // Other residents 37 dB down: on until 0.3 s after the word, then in bursts with silence between.
    var murmurs = Self.vowel(seconds: end + 0.3, amplitude: 0.3 / 70.8)
    for _ in 0..<2 { murmurs += Self.silence(0.3) + Self.vowel(seconds: 0.2, amplitude: 0.3 / 70.8) }
    for (index, sample) in murmurs.enumerated() where index < mix.count { mix[index] += sample }
    let segments = Self.analyze(mix)
    let last = try #require(segments.last)
    #expect(segments.count == 1)
    #expect(abs(last.end - end) < 0.02, "end \(last.end), expected \(end)")
  }

  /// A sustained vowel that stops in a reverberant room. Its reverberation keeps the pitch, so for
  /// a while it is voicing as strong as the speaker's (up to 1.3, the end ran on with it). The end
  /// may be late only by what the fade rule waits for: the room's fall to 10 dB below the word's
  /// peak (RT60 / 6), plus 40 ms of frames and smoothing.
  @Test(arguments: [0.3, 0.5, 0.7])
  func aVowelsReverberationDoesNotLengthenTheWord(rt60: Double) throws {
    let dry = Self.silence(0.5) + Self.vowel(seconds: 0.6) + Self.silence(1.5)
    let end = 1.1 - 400.0 / Double(Self.rate)  // the vowel's envelope fades over its last 25 ms
    let room = RoomReverb(rt60: rt60, directToReverberant: 2, sampleRate: Self.rate).apply(to: dry)
    let last = try #require(Self.analyze(room).last)
    #expect(last.end >= end - 0.01 && last.end <= end + rt60 / 6 + 0.04, "end \(last.end), voice's end \(end)")
  }

  /// The same, with two knocks or clicks near the microphone, which the room does not hold: their
  /// falls are as steep as a dry voice's, but only falls from voicing tell a dry room (step 8).
  @Test(arguments: ["knock", "click"])
  func sharpRoomSoundsDoNotMakeTheRoomDry(name: String) throws {
    var generator = SeededGenerator(seed: 5)
    let sound = SyntheticSounds.named(name, using: &generator)
    let dry = Self.silence(0.5) + Self.vowel(seconds: 0.6) + Self.silence(1.5)
    let end = 1.1 - 400.0 / Double(Self.rate)
    var room = RoomReverb(rt60: 0.5, directToReverberant: 2, sampleRate: Self.rate).apply(to: dry)
    for start in [0.05, 1.6] {
      for (index, sample) in sound.enumerated() { room[Int(start * Double(Self.rate)) + index] += sample }
    }
    let last = try #require(Self.analyze(room).last { $0.start < end })
    #expect(last.end >= end - 0.01 && last.end <= end + 0.5 / 6 + 0.04, "end \(last.end), voice's end \(end)")
  }

  /// A dry voice whose last vowel fades slowly (120 dB/s, a final /ʁ/ or a sigh) after words that
  /// stop sharply: the room is dry, so the fade is the voice's. The end is not moved back to 10 dB
  /// below the word's peak, 83 ms into the fade, as a room's fade would be (up to 1.4); it stays
  /// where step 5 stops, when the voicing falls 28 dB below the speaker (about 230 ms in).
  @Test func aDryVoicesOwnSlowFadeIsKept() throws {
    var noise = SeededGenerator(seed: 11)
    var words: [Float] = Self.silence(0.5)
    for _ in 0..<3 { words += Self.vowel(seconds: 0.25) + Self.silence(0.08) }
    let held = Int(0.2 * Double(Self.rate))
    let lastWord = Self.vowel(seconds: 0.65).enumerated().map { index, sample in
      sample * Float(pow(10, -6 * Double(max(0, index - held)) / Double(Self.rate)))  // 120 dB/s in power
    }
    var mix = words + lastWord + Self.silence(1)
    for index in mix.indices { mix[index] += 0.0003 * noise.gaussian() }
    let start = Double(words.count + held) / Double(Self.rate)
    let last = try #require(Self.analyze(mix).last)
    #expect(last.end >= start + 0.18, "end \(last.end), the fade starts at \(start)")
  }

  @Test func silenceHasNoSpeech() {
    #expect(Self.analyze(Self.silence(2)).isEmpty)
    #expect(Self.analyze([]).isEmpty)
  }
}
