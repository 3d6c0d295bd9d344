/// One device heard in an LE scan: what an HCI LE Advertising Report event says about it
/// (Core Vol 4 Part E 7.7.65.2), with the advertising data fields the scan cares about.
public struct AdvertisingReport: Hashable, Sendable {
  /// `AA:BB:CC:DD:EE:FF`, most significant byte first (as printed everywhere).
  public var address: String
  /// True for a random (static or private) address, false for a public one.
  public var isRandomAddress: Bool
  /// The complete or shortened local name (AD types 0x09, 0x08).
  public var name: String?
  /// Services listed in the advertising data (AD types 0x02–0x07).
  public var services: [BluetoothUUID]

  public init(address: String, isRandomAddress: Bool, name: String?, services: [BluetoothUUID]) {
    self.address = address
    self.isRandomAddress = isRandomAddress
    self.name = name
    self.services = services
  }

  /// The reports in one HCI event packet as a raw HCI socket delivers it: `04 3E length`, then
  /// either an LE Advertising Report (`02 count`, per report `event-type address-type address(6)
  /// data-length data rssi`) or an LE Extended Advertising Report (`0D count`, per report
  /// `event-type(2) address-type address(6) phys(2) sid tx-power rssi interval(2)
  /// direct-address-type direct-address(6) data-length data`).
  /// Anything else, or a truncated report, yields the reports before it: never a trap.
  public static func reports(inEvent packet: [UInt8]) -> [AdvertisingReport] {
    guard packet.count >= 5, packet[0] == 0x04, packet[1] == 0x3E, packet[3] == 0x02 || packet[3] == 0x0D else {
      return []
    }
    let extended = packet[3] == 0x0D
    // Bytes before the data (from the event type to the data length included), and after it.
    let (header, trailer) = extended ? (24, 0) : (9, 1)
    let addressOffset = extended ? 3 : 2
    var reports: [AdvertisingReport] = []
    var offset = 5
    for _ in 0..<Int(packet[4]) {
      guard offset + header <= packet.count else { break }
      let dataLength = Int(packet[offset + header - 1])
      guard offset + header + dataLength + trailer <= packet.count else { break }
      let address = packet[(offset + addressOffset)..<(offset + addressOffset + 6)].reversed().map { byte in
        (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }.joined(separator: ":")
      var report = AdvertisingReport(
        address: address, isRandomAddress: packet[offset + addressOffset - 1] & 0x01 != 0, name: nil, services: [])
      report.read(fields: packet[(offset + header)..<(offset + header + dataLength)])
      reports.append(report)
      offset += header + dataLength + trailer
    }
    return reports
  }

  /// Reads advertising data: a list of `length type value` fields.
  private mutating func read(fields data: ArraySlice<UInt8>) {
    var index = data.startIndex
    while index < data.endIndex {
      let length = Int(data[index])
      guard length > 0, index + 1 + length <= data.endIndex else { break }
      let type = data[index + 1]
      let value = data[(index + 2)..<(index + 1 + length)]
      switch type {
      case 0x08, 0x09:
        if type == 0x09 || name == nil { name = String(decoding: value, as: UTF8.self) }
      case 0x02, 0x03:
        services += stride(from: value.startIndex, to: value.endIndex - 1, by: 2).compactMap {
          BluetoothUUID(attBytes: value[$0..<($0 + 2)])
        }
      case 0x06, 0x07:
        services += stride(from: value.startIndex, to: value.endIndex - 15, by: 16).compactMap {
          BluetoothUUID(attBytes: value[$0..<($0 + 16)])
        }
      default:
        break
      }
      index += 1 + length
    }
  }
}
