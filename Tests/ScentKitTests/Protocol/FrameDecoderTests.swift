import Testing

@testable import ScentKit

struct FrameDecoderTests {
  static let first = HostCommand.release(channel: 3, intensity: 40, durationMilliseconds: 2_000, fanBoost: true).frame(
    sequence: 7)
  static let second = HostCommand.heartbeat.frame(sequence: 8)

  /// The first frame's bytes with one byte changed.
  static func corrupted(at index: Int) -> [UInt8] {
    var bytes = first.encoded()
    bytes[index] ^= 0x5A
    return bytes
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let chunks: [[UInt8]]
    let expected: [Frame]
    let discardsBytes: Bool
  }

  static let cases: [Case] = [
    Case(
      testDescription: "two frames back to back", chunks: [first.encoded() + second.encoded()],
      expected: [first, second], discardsBytes: false),
    Case(
      testDescription: "garbage before a frame", chunks: [[0x00, 0xA5, 0x13, 0xFF] + first.encoded()],
      expected: [first], discardsBytes: true),
    Case(
      testDescription: "garbage between frames", chunks: [first.encoded() + [0x5A, 0x5A, 0xA5] + second.encoded()],
      expected: [first, second], discardsBytes: true),
    Case(
      testDescription: "frame split byte by byte", chunks: first.encoded().map { [$0] }, expected: [first],
      discardsBytes: false),
    Case(
      testDescription: "truncated frame yields nothing", chunks: [Array(first.encoded().dropLast(3))], expected: [],
      discardsBytes: false),
    Case(
      testDescription: "truncated frame then a whole one resyncs",
      chunks: [Array(first.encoded().prefix(9)) + second.encoded()], expected: [second], discardsBytes: true),
    Case(
      testDescription: "bad CRC is dropped", chunks: [corrupted(at: first.encoded().count - 1) + second.encoded()],
      expected: [second], discardsBytes: true),
    Case(
      testDescription: "corrupted payload is dropped", chunks: [corrupted(at: 9) + second.encoded()],
      expected: [second], discardsBytes: true),
    Case(
      testDescription: "wrong version is dropped", chunks: [corrupted(at: 2) + second.encoded()], expected: [second],
      discardsBytes: true),
    Case(
      testDescription: "unknown type is dropped",
      chunks: [[0xA5, 0x5A, 0x01, 0x7F, 0, 1, 0, 0, 0, 0] + second.encoded()], expected: [second], discardsBytes: true),
    Case(
      testDescription: "length over the limit is dropped",
      chunks: [[0xA5, 0x5A, 0x01, 0x06, 0, 1, 0xFF, 0xFF] + second.encoded()], expected: [second], discardsBytes: true),
  ]

  @Test(arguments: cases)
  func decodesWhatIsValidAndSkipsTheRest(_ testCase: Case) {
    var decoder = FrameDecoder()
    var frames: [Frame] = []
    for chunk in testCase.chunks {
      decoder.append(chunk)
      while let frame = decoder.nextFrame() { frames.append(frame) }
    }
    #expect(frames == testCase.expected)
    #expect((decoder.discardedByteCount > 0) == testCase.discardsBytes)
  }

  @Test(
    arguments: [
      ("empty input", [], FrameError.truncated(needed: 10)),
      ("garbage only, no sync", [0x00, 0x01, 0x02], .truncated(needed: 10)),
      ("wrong version", [0xA5, 0x5A, 0x02, 0x06, 0, 1, 0, 0, 0, 0], .unsupportedVersion(2)),
      ("unknown type", [0xA5, 0x5A, 0x01, 0x42, 0, 1, 0, 0, 0, 0], .unknownType(0x42)),
      ("length over limit", [0xA5, 0x5A, 0x01, 0x06, 0, 1, 0x02, 0x01], .payloadTooLong(513)),
      ("trailing bytes", second.encoded() + [0x00], .trailingBytes(1)),
    ] as [(String, [UInt8], FrameError)])
  func strictDecodingNamesTheProblem(_ name: String, bytes: [UInt8], expected: FrameError) {
    #expect(throws: expected, "\(name)") { try Frame.decode(bytes) }
  }

  @Test func checksumMismatchIsReported() {
    let bytes = Self.corrupted(at: Self.first.encoded().count - 1)
    #expect {
      try Frame.decode(bytes)
    } throws: { error in
      if case FrameError.checksumMismatch = error { return true }
      return false
    }
  }
}
