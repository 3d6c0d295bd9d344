import Foundation
import SpeechKit

/// The loudest sample in each of a fixed number of equal slices of a recording, on 0–255: enough
/// to draw its waveform on a page, in a few hundred bytes whatever the recording's length.
public struct WaveformPeaks: Hashable, Sendable {
  /// One peak per slice, 0 for silence, 255 for full scale.
  public var peaks: [UInt8]
  public var durationSeconds: Double
  public var sampleRate: Int
  public var channels: Int

  /// How many slices a page draws: one per pixel of a wide screen.
  public static let defaultCount = 1600

  /// Reads the recording at `url` block by block (never whole) and keeps each slice's peak.
  ///
  /// - Throws: ``SpeechKit/AudioError`` when the file is not a readable WAV.
  public static func of(_ url: URL, count: Int = defaultCount) throws -> WaveformPeaks {
    let reader = try WAVFile.read(url)
    let frames = reader.frameCount
    let slices = max(1, min(count, max(frames, 1)))
    var peaks = [Float](repeating: 0, count: slices)
    var frame = 0
    while true {
      let block = try reader.readMono(maxFrames: 65_536)
      if block.isEmpty { break }
      block.withUnsafeBufferPointer { samples in
        for sample in samples {
          // frame * slices / frames, in Int arithmetic: exact, and monotone across blocks.
          let slice = min(slices - 1, frame * slices / max(frames, 1))
          let level = abs(sample)
          if level > peaks[slice] { peaks[slice] = level }
          frame += 1
        }
      }
    }
    return WaveformPeaks(
      peaks: peaks.map { UInt8(min(255, max(0, ($0 * 255).rounded()))) },
      durationSeconds: reader.duration, sampleRate: reader.format.sampleRate, channels: reader.format.channels)
  }

  /// The peaks as Base64: four bytes of text for three peaks, for the page's JSON.
  public var base64: String { Data(peaks).base64EncodedString() }
}
