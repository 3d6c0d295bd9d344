import Foundation
import SpeechKit
import Testing

@testable import Review

/// Peaks: one per slice, the loudest sample in it, whatever the file's rate and channels.
struct WaveformPeaksTests {
  @Test(arguments: [(8_000, 1), (48_000, 2)])
  func findsTheLoudSliceWhereItIs(sampleRate: Int, channels: Int) throws {
    // One second of silence with a half-scale burst in its third tenth.
    let frames = sampleRate
    var samples = [Float](repeating: 0, count: frames * channels)
    for frame in (frames * 2 / 10)..<(frames * 3 / 10) {
      for channel in 0..<channels { samples[frame * channels + channel] = frame.isMultiple(of: 2) ? 0.5 : -0.5 }
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("peaks-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: file) }
    try WAVFile.write(
      samples, format: WAVFormat(encoding: .signed16, sampleRate: sampleRate, channels: channels), to: file)

    let waveform = try WaveformPeaks.of(file, count: 10)
    #expect(waveform.peaks.count == 10)
    #expect(waveform.durationSeconds == 1)
    #expect(waveform.sampleRate == sampleRate)
    #expect(waveform.channels == channels)
    #expect(waveform.peaks[2] >= 126 && waveform.peaks[2] <= 128)
    #expect(waveform.peaks.enumerated().filter { $0.offset != 2 }.allSatisfy { $0.element == 0 })
    #expect(Data(base64Encoded: waveform.base64).map([UInt8].init) == waveform.peaks)
  }

  @Test func aShortFileHasOnePeakPerFrame() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("peaks-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: file) }
    try WAVFile.write([1, -1, 0], format: WAVFormat(encoding: .float32, sampleRate: 16_000, channels: 1), to: file)
    #expect(try WaveformPeaks.of(file, count: 100).peaks == [255, 255, 0])
  }

  @Test func refusesAFileThatIsNotAudio() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("peaks-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("not a wav".utf8).write(to: file)
    #expect(throws: AudioError.self) { try WaveformPeaks.of(file) }
  }
}
