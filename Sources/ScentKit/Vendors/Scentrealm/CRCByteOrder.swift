/// Which byte of the CRC a Scentrealm frame carries first.
///
/// Bluetooth.md says the high byte comes first, and the vendor's C# demo
/// (`demo/BluetoothDemo/mainFrm.cs`, `btnBuildPlay_Click`) builds its play frame with
/// `Crc16.CalcCrc(bytes)`, whose `hiBefore` defaults to true: high byte first. Its
/// hard-coded stop frame `F5 00 00 00 00 00 01 00 90 1A 55` agrees (the CRC is 0x901A).
/// Modbus itself sends the low byte first, and the demo also carries that variant
/// (`CalcCrc2`), so a device whose firmware follows Modbus can be driven by changing this setting.
public enum CRCByteOrder: String, Hashable, Sendable, CaseIterable {
  case highFirst = "crc-high-first"
  case lowFirst = "crc-low-first"

  func bytes(_ crc: UInt16) -> [UInt8] {
    switch self {
    case .highFirst: [UInt8(crc >> 8), UInt8(crc & 0xFF)]
    case .lowFirst: [UInt8(crc & 0xFF), UInt8(crc >> 8)]
    }
  }
}
