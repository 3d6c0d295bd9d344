/// One frame of Scentrealm's byte protocol (`Scentrealm/Bluetooth`, Bluetooth.md):
///
///     F5 | source (2) | destination (2, FFFF = broadcast) | command | length | data (< 256) | CRC (2) | 55
///
/// Addresses are big-endian; the CRC (``ModbusCRC16``) covers source through data and its byte
/// order is a setting (``CRCByteOrder``).
public struct ScentrealmFrame: Hashable, Sendable {
  public static let head: UInt8 = 0xF5
  public static let tail: UInt8 = 0x55
  public static let broadcast: UInt16 = 0xFFFF
  /// Head, addresses, command and length before the data; CRC and tail after it.
  static let overhead = 10

  public var source: UInt16
  public var destination: UInt16
  public var command: ScentrealmCommand
  public var data: [UInt8]

  public init(source: UInt16, destination: UInt16, command: ScentrealmCommand, data: [UInt8] = []) {
    precondition(data.count < 256, "Scentrealm data is at most 255 bytes")
    self.source = source
    self.destination = destination
    self.command = command
    self.data = data
  }

  public func encoded(crcOrder: CRCByteOrder) -> [UInt8] {
    var checked: [UInt8] = [
      UInt8(source >> 8), UInt8(source & 0xFF), UInt8(destination >> 8), UInt8(destination & 0xFF),
      command.rawValue, UInt8(data.count),
    ]
    checked.append(contentsOf: data)
    return [Self.head] + checked + crcOrder.bytes(ModbusCRC16.checksum(checked)) + [Self.tail]
  }
}

/// The commands ConnectAge uses (numbering of Bluetooth.md).
public enum ScentrealmCommand: UInt8, Hashable, Sendable, CaseIterable {
  /// Data 0x00 stop, 0x01 initialise, 0x02 reboot.
  case stopOrReset = 0x00
  /// Data: channel, then the duration in ms as 4 bytes big-endian.
  case playChannel = 0x02
  /// Answer: device state, scent number (2), played and total script seconds (2 + 2).
  case status = 0x03
  /// Answer: 12 bytes of UUID.
  case deviceUUID = 0x04
  /// Data: channel count. Answer: the scent number of each channel, 12 bits each.
  case scentsByChannel = 0x0E
}
