import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// Loading WAV files goes through SDL's converter, so it runs with the other SDL suites.
  @Suite
  struct FeedbackPlayerTests {
    /// Soft: well under full scale; no click: the first samples are near silence; short; and it fades out.
    @Test(arguments: FeedbackSound.allCases)
    func generatedChimeIsGentle(_ sound: FeedbackSound) {
      let samples = Chime.samples(for: sound, sampleRate: 48_000)
      let peak = samples.map { abs(Int($0)) }.max() ?? 0
      #expect(peak > 1_000)
      #expect(Double(peak) <= Chime.peakLevel * 32_767 + 1)
      #expect(samples.prefix(48).allSatisfy { abs(Int($0)) < peak / 10 })
      #expect(samples.count < 48_000)
      #expect(samples.suffix(480).allSatisfy { abs(Int($0)) < peak / 10 })
    }

    /// Played through SDL's disk driver in real time: the output file holds the chime, sample for sample.
    @MainActor
    @Test func playedSoundReachesTheOutputUnchanged() throws {
      let output = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-out-\(getpid()).raw")
      let noSounds = FileManager.default.temporaryDirectory.appendingPathComponent("no-sounds-\(getpid())")
      setenv("SDL_AUDIODRIVER", "disk", 1)
      setenv("SDL_DISKAUDIOFILE", output.path, 1)
      defer {
        unsetenv("SDL_AUDIODRIVER")
        unsetenv("SDL_DISKAUDIOFILE")
        try? FileManager.default.removeItem(at: output)
      }
      var expected: [Int16] = []
      var written: [Int16] = []
      /// Where the sound starts in the output, once all of it is there.
      func soundStart() -> Int? {
        guard let start = written.firstIndex(where: { $0 != 0 }),
          let firstSound = expected.firstIndex(where: { $0 != 0 }),
          start >= firstSound, written.count >= start - firstSound + expected.count
        else { return nil }
        return start - firstSound
      }
      do {
        let player = try FeedbackPlayer(assetsRoot: noSounds)
        expected = player.samples(of: .confirm)
        player.play(.confirm)
        // SDL's disk driver writes in real time: wait for the whole sound, however slow the machine.
        let deadline = Date().addingTimeInterval(15)
        repeat {
          Thread.sleep(forTimeInterval: 0.05)
          written = ((try? Data(contentsOf: output)) ?? Data()).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        } while soundStart() == nil && Date() < deadline
      }
      let start = try #require(soundStart(), "the whole sound reaches the output")
      #expect(Array(written[start..<(start + expected.count)]) == expected)
    }

    /// A 16 kHz WAV is converted to the player's 48 kHz.
    @Test func wavFilesAreConvertedToThePlayersRate() throws {
      let samples: [Int16] = (0..<1_600).map { Int16(($0 % 80) * 200 - 8_000) }
      var header = Data("RIFF".utf8)
      func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
      }
      append(UInt32(36 + samples.count * 2))
      header.append(contentsOf: Data("WAVEfmt ".utf8))
      append(UInt32(16)); append(UInt16(1)); append(UInt16(1)); append(UInt32(16_000)); append(UInt32(32_000))
      append(UInt16(2)); append(UInt16(16))
      header.append(contentsOf: Data("data".utf8))
      append(UInt32(samples.count * 2))
      samples.forEach { append($0) }
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-\(getpid()).wav")
      try header.write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      let converted = try #require(FeedbackPlayer.loadWAV(url))
      #expect(abs(converted.count - samples.count * 3) <= 48, "\(converted.count)")
      #expect(FeedbackPlayer.loadWAV(url.appendingPathExtension("missing")) == nil)
    }
  }
}
