import Foundation
import ScentKit
import Testing

/// The Scentrealm frame encoder, byte for byte, against frames computed outside this code.
///
/// Derivation of the vectors (CRC-16/MODBUS: reflected polynomial 0xA001, initial 0xFFFF, no final
/// XOR, over source through data), computed with this independent Python, not with ScentKit:
///
///     def crc(data):
///         c = 0xFFFF
///         for b in data:
///             c ^= b
///             for _ in range(8):
///                 c = (c >> 1) ^ 0xA001 if c & 1 else c >> 1
///         return c
///
/// - crc(b"123456789") = 0x4B37, the catalogue check value of CRC-16/MODBUS (reveng).
/// - crc(00 00 00 00 00 01 00) = 0x901A: the stop frame hard-coded in the vendor's demo
///   (`mainFrm.cs`, `btnBuildStop_Click`) is `F5 00 00 00 00 00 01 00 90 1A 55`, high byte first,
///   as its play builder sends it (`Crc16.CalcCrc(bytes)` with `hiBefore` defaulting to true).
/// - crc(00 00 00 01 02 05 03 00 00 13 88) = 0xEBAD: play channel 3 for 5000 ms (0x00001388).
/// - crc(00 00 00 01 03 00) = 0x2B51: status request.
struct ScentrealmFrameTests {
  @Test func catalogueCheckValue() {
    #expect(ModbusCRC16.checksum(Array("123456789".utf8)) == 0x4B37)
  }

  @Test(arguments: [
    (
      ScentrealmFrame(source: 0x0000, destination: 0x0000, command: .stopOrReset, data: [0x00]), CRCByteOrder.highFirst,
      "F5 00 00 00 00 00 01 00 90 1A 55"
    ),
    (
      ScentrealmFrame(
        source: 0x0000, destination: 0x0001, command: .playChannel, data: [0x03, 0x00, 0x00, 0x13, 0x88]),
      .highFirst, "F5 00 00 00 01 02 05 03 00 00 13 88 EB AD 55"
    ),
    (
      ScentrealmFrame(
        source: 0x0000, destination: 0x0001, command: .playChannel, data: [0x03, 0x00, 0x00, 0x13, 0x88]),
      .lowFirst, "F5 00 00 00 01 02 05 03 00 00 13 88 AD EB 55"
    ),
    (
      ScentrealmFrame(source: 0x0000, destination: 0x0001, command: .status), .highFirst,
      "F5 00 00 00 01 03 00 2B 51 55"
    ),
  ])
  func encodesTheDocumentedBytes(_ frame: ScentrealmFrame, order: CRCByteOrder, hex: String) {
    #expect(frame.encoded(crcOrder: order).map { String(format: "%02X", $0) }.joined(separator: " ") == hex)
  }

  /// An external oracle on many frames: the Python above, run now, agrees with the encoder.
  @Test func agreesWithAnIndependentImplementationOnGeneratedFrames() throws {
    var frames: [[UInt8]] = []
    var seed: UInt64 = 0x5EED
    for length in 0..<40 {
      var data: [UInt8] = []
      for _ in 0..<length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        data.append(UInt8(truncatingIfNeeded: seed >> 33))
      }
      frames.append(
        ScentrealmFrame(source: UInt16(length), destination: 0xFFFF, command: .playChannel, data: data).encoded(
          crcOrder: .highFirst))
    }
    let script = """
      import sys
      def crc(data):
          c = 0xFFFF
          for b in data:
              c ^= b
              for _ in range(8):
                  c = (c >> 1) ^ 0xA001 if c & 1 else c >> 1
          return c
      for line in sys.stdin:
          frame = bytes.fromhex(line.strip())
          body = frame[1:-3]
          value = crc(body)
          print("ok" if frame[-3] == value >> 8 and frame[-2] == value & 0xFF and frame[0] == 0xF5 and frame[-1] == 0x55 else "bad")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(
      Data(frames.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n").utf8 + [10]))
    try input.fileHandleForWriting.close()
    let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(answer.split(separator: "\n") == Array(repeating: "ok", count: frames.count))
  }

  @Test func decoderSkipsGarbageAndCorruptedFramesAndReassemblesPieces() {
    let good = ScentrealmFrame(source: 1, destination: 2, command: .status, data: [0x00, 0x01])
    var corrupted = good.encoded(crcOrder: .highFirst)
    corrupted[corrupted.count - 2] ^= 0xFF
    var decoder = ScentrealmFrameDecoder(crcOrder: .highFirst)
    let stream = [0x00, 0x55, 0xF5] + corrupted + good.encoded(crcOrder: .highFirst)
    var frames: [ScentrealmFrame] = []
    for byte in stream {
      decoder.append([byte])
      while let frame = decoder.nextFrame() { frames.append(frame) }
    }
    #expect(frames == [good])
    #expect(decoder.rejectedFrameCount >= 1)
  }

  @Test func aFrameInTheOtherCRCOrderIsRejected() {
    var decoder = ScentrealmFrameDecoder(crcOrder: .lowFirst)
    decoder.append(ScentrealmFrame(source: 0, destination: 1, command: .status).encoded(crcOrder: .highFirst))
    #expect(decoder.nextFrame() == nil)
  }

  /// Bluetooth.md, command 0x0E: "0x00700A" is scents 7 and 10, "0x123125" is 291 and 293.
  @Test func scentNumbersArePackedTwelveBitsEach() {
    #expect(ScentrealmDevice.unpackScentNumbers([0x00, 0x70, 0x0A], count: 2) == [7, 10])
    #expect(ScentrealmDevice.unpackScentNumbers([0x12, 0x31, 0x25], count: 2) == [291, 293])
    #expect(ScentrealmDevice.packScentNumbers([7, 10]) == [0x00, 0x70, 0x0A])
    let six = [101, 102, 103, 4095, 0, 6]
    #expect(ScentrealmDevice.unpackScentNumbers(ScentrealmDevice.packScentNumbers(six), count: 6) == six)
  }
}
