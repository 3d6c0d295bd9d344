import Foundation
import Testing

@testable import Stage

extension SDLTests {
  /// SDL's disk audio driver reads a raw PCM file as if it were the microphone.
  @Suite @MainActor
  struct AudioCaptureTests {
    /// One second: a 440 Hz tone that rises in level, so any shift or loss of samples shows.
    static let recording: [Int16] = (0..<AudioCapture.sampleRate).map {
      Int16((sin(Double($0) * 2 * .pi * 440 / Double(AudioCapture.sampleRate)) * Double($0) * 1.5).rounded())
    }

    private func withDiskAudio<T>(input: URL, _ body: () throws -> T) rethrows -> T {
      setenv("SDL_AUDIODRIVER", "disk", 1)
      setenv("SDL_DISKAUDIOFILEIN", input.path, 1)
      setenv("SDL_DISKAUDIOFILE", "/dev/null", 1)
      setenv("SDL_DISKAUDIODELAY", "0", 1)
      defer {
        for name in ["SDL_AUDIODRIVER", "SDL_DISKAUDIOFILEIN", "SDL_DISKAUDIOFILE", "SDL_DISKAUDIODELAY"] {
          unsetenv(name)
        }
      }
      return try body()
    }

    @Test func capturedSamplesMatchTheFileSampleForSample() throws {
      let input = FileManager.default.temporaryDirectory.appendingPathComponent("capture-\(getpid()).raw")
      try Self.recording.withUnsafeBytes { try Data($0).write(to: input) }
      defer { try? FileManager.default.removeItem(at: input) }
      let captured = try withDiskAudio(input: input) { () throws -> [Int16] in
        let capture = try AudioCapture()
        capture.start()
        var samples: [Int16] = []
        for _ in 0..<2_000 where samples.count < Self.recording.count {
          samples += capture.readAvailable()
          Thread.sleep(forTimeInterval: 0.002)
        }
        capture.stop()
        #expect(!capture.isCapturing)
        return samples
      }
      try #require(captured.count >= Self.recording.count)
      #expect(Array(captured.prefix(Self.recording.count)) == Self.recording)
    }
  }
}
