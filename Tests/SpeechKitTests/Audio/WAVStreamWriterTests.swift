import Foundation
import SpeechKit
import Testing

@Suite struct WAVStreamWriterTests {
  static func block(_ number: Int, frames: Int = 1600) -> [Int16] {
    (0..<frames).map { Int16(truncatingIfNeeded: $0 * 37 + number * 1000) }
  }

  @Test func theFileIsReadableAfterEveryBlock() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("live.wav")
    let writer = try WAVStreamWriter(url: url, sampleRate: 16_000, channels: 1)
    #expect(try WAVFile.read(url).frameCount == 0)
    for number in 1...3 {
      try writer.append(Self.block(number))
      #expect(try WAVFile.read(url).frameCount == 1600 * number)
    }
    try writer.close()
    let expected = (1...3).flatMap { Self.block($0) }.map { Float($0) / 32_768 }
    #expect(try WAVFile.read(url).readAllMono() == expected)
  }

  struct Crash: CustomTestStringConvertible, Sendable {
    let name: String
    /// What the crash left behind, applied to the file's bytes.
    let damage: @Sendable (inout [UInt8]) -> Void
    var testDescription: String { name }
  }

  static let crashes: [Crash] = [
    .init(name: "killed between blocks") { _ in },
    .init(name: "killed before the sizes were updated") { bytes in
      // A header still saying "no data", as at the moment the file was opened.
      for offset in [4, 5, 6, 7, 40, 41, 42, 43] { bytes[offset] = 0 }
    },
    .init(name: "killed in the middle of a sample") { bytes in
      for offset in [40, 41, 42, 43] { bytes[offset] = 0 }
      bytes.append(0x7F)
    },
  ]

  @Test("a recording stopped without closing is recovered", arguments: crashes)
  func crashedRecordingIsRecovered(_ crash: Crash) throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("crashed.wav")
    do {
      let writer = try WAVStreamWriter(url: url, sampleRate: 16_000, channels: 2)
      for number in 1...4 { try writer.append(Self.block(number)) }
      // No close(): the writer goes away as if the process had died.
      _ = writer
    }
    var bytes = [UInt8](try Data(contentsOf: url))
    crash.damage(&bytes)
    try Data(bytes).write(to: url)

    let frames = try WAVFile.recover(at: url)
    #expect(frames == 4 * 800)
    let reader = try WAVFile.read(url)
    #expect(reader.format == WAVFormat(encoding: .signed16, sampleRate: 16_000, channels: 2))
    let expected = (1...4).flatMap { Self.block($0) }.map { Float($0) / 32_768 }
    #expect(try reader.readInterleaved(maxFrames: .max) == expected)
  }

  @Test func appendingAfterCloseFails() throws {
    let directory = try TemporaryDirectory()
    let writer = try WAVStreamWriter(url: directory.file("closed.wav"), sampleRate: 16_000, channels: 1)
    try writer.close()
    #expect(throws: AudioError.self) { try writer.append([1, 2, 3]) }
  }
}
