import ScentKit
import Testing

struct CRC16Tests {
  @Test(
    arguments: [
      ("check value of the standard", Array("123456789".utf8), UInt16(0x29B1)),
      ("empty input is the initial value", [], UInt16(0xFFFF)),
      ("one zero byte", [0x00], UInt16(0xE1F0)),
    ] as [(String, [UInt8], UInt16)])
  func checksumMatchesCRC16CCITTFalse(_ name: String, bytes: [UInt8], expected: UInt16) {
    #expect(CRC16.checksum(bytes) == expected, "\(name)")
  }
}
