import Foundation
import SpeechKit
import Testing

@Suite struct WAVFileTests {
  struct FormatCase: CustomTestStringConvertible, Sendable {
    let name: String
    let format: WAVFormat
    /// Largest error allowed after quantisation: half a step of the encoding.
    let tolerance: Float
    var testDescription: String { name }
  }

  static let formats: [FormatCase] = [
    .init(
      name: "8-bit mono 8 kHz", format: .init(encoding: .unsigned8, sampleRate: 8000, channels: 1), tolerance: 1 / 128),
    .init(name: "16-bit mono 16 kHz", format: .speech(), tolerance: 1 / 32_768),
    .init(
      name: "16-bit stereo 44.1 kHz", format: .init(encoding: .signed16, sampleRate: 44_100, channels: 2),
      tolerance: 1 / 32_768),
    .init(
      name: "24-bit mono 48 kHz", format: .init(encoding: .signed24, sampleRate: 48_000, channels: 1),
      tolerance: 1 / 8_388_608),
    .init(
      name: "32-bit stereo 96 kHz", format: .init(encoding: .signed32, sampleRate: 96_000, channels: 2), tolerance: 1e-7
    ),
    .init(
      name: "float mono 22.05 kHz", format: .init(encoding: .float32, sampleRate: 22_050, channels: 1), tolerance: 0),
    .init(
      name: "extensible 24-bit stereo",
      format: .init(encoding: .signed24, sampleRate: 48_000, channels: 2, isExtensible: true), tolerance: 1 / 8_388_608),
    .init(
      name: "extensible float mono",
      format: .init(encoding: .float32, sampleRate: 32_000, channels: 1, isExtensible: true), tolerance: 0),
    .init(
      name: "odd rate 11 025 Hz, 16-bit", format: .init(encoding: .signed16, sampleRate: 11_025, channels: 1),
      tolerance: 1 / 32_768),
    .init(
      name: "odd rate 12 345 Hz, 3 channels", format: .init(encoding: .signed16, sampleRate: 12_345, channels: 3),
      tolerance: 1 / 32_768),
  ]

  /// A deterministic signal that uses the whole range, different in every channel.
  static func signal(frames: Int, channels: Int) -> [Float] {
    (0..<(frames * channels)).map { index in
      let frame = index / channels
      let channel = index % channels
      return 0.9 * sin(Float(frame) * 0.05 * Float(channel + 1)) + 0.05 * sin(Float(frame * 7919 % 101))
    }
  }

  @Test("every encoding survives a write and a read", arguments: formats)
  func roundTrip(_ testCase: FormatCase) throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("round-trip.wav")
    let samples = Self.signal(frames: 1001, channels: testCase.format.channels)
    try WAVFile.write(samples, format: testCase.format, to: url)

    let reader = try WAVFile.read(url)
    #expect(reader.format == testCase.format)
    #expect(reader.frameCount == 1001)
    var read: [Float] = []
    // Small blocks check that streaming reads join up exactly.
    while case let block = try reader.readInterleaved(maxFrames: 97), !block.isEmpty { read += block }
    #expect(read.count == samples.count)
    let worst = zip(read, samples).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst <= testCase.tolerance + 1e-7, "largest error \(worst)")
  }

  @Test func stereoIsMixedDownToMono() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("stereo.wav")
    let left: [Float] = [0.5, -0.5, 0.25, 1]
    let right: [Float] = [0.5, 0.5, -0.75, 0]
    try WAVFile.write(
      Array(zip(left, right).map { [$0, $1] }.joined()),
      format: .init(encoding: .float32, sampleRate: 16_000, channels: 2), to: url)
    #expect(try WAVFile.read(url).readAllMono() == [0.5, 0, -0.25, 0.5])
  }

  @Test func writingReplacesAnExistingFileWhole() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("replace.wav")
    try WAVFile.write([Float](repeating: 0.1, count: 5000), format: .speech(), to: url)
    try WAVFile.write([0.2, 0.3], format: .speech(), to: url)
    #expect(try WAVFile.read(url).frameCount == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["replace.wav"])
  }
}
