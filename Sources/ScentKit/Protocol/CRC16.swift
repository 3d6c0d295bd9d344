/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection).
///
/// The same check Bluetooth serial profiles and many UART devices use, so a firmware
/// engineer finds it in any embedded library.
public enum CRC16 {
  private static let table: [UInt16] = (0..<256).map { byte in
    var crc = UInt16(byte) << 8
    for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
    return crc
  }

  public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt16 {
    var crc: UInt16 = 0xFFFF
    for byte in bytes { crc = (crc << 8) ^ table[Int(UInt8(crc >> 8) ^ byte)] }
    return crc
  }
}
