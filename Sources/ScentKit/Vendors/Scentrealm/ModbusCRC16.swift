/// CRC-16/MODBUS (polynomial 0x8005 reflected, i.e. 0xA001; initial value 0xFFFF; no final XOR),
/// the check of Scentrealm frames. Catalogue check value: "123456789" gives 0x4B37.
public enum ModbusCRC16 {
  private static let table: [UInt16] = (0..<256).map { byte in
    var crc = UInt16(byte)
    for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
    return crc
  }

  public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt16 {
    var crc: UInt16 = 0xFFFF
    for byte in bytes { crc = (crc >> 8) ^ table[Int(UInt8(crc & 0xFF) ^ byte)] }
    return crc
  }
}
