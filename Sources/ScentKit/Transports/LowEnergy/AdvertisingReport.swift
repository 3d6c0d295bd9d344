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

  /// The reports in one HCI event packet as a raw HCI socket delivers it:
  /// `04 3E length 02 count` then, per report, `event-type address-type address(6) data-length data rssi`.
  /// Anything else, or a truncated report, yields the reports before it: never a trap.
  public static func reports(inEvent packet: [UInt8]) -> [AdvertisingReport] {
    guard packet.count >= 5, packet[0] == 0x04, packet[1] == 0x3E, packet[3] == 0x02 else { return [] }
    var reports: [AdvertisingReport] = []
    var offset = 5
    for _ in 0..<Int(packet[4]) {
      guard offset + 9 <= packet.count else { break }
      let dataLength = Int(packet[offset + 8])
      guard offset + 9 + dataLength + 1 <= packet.count else { break }
      let address = packet[(offset + 2)..<(offset + 8)].reversed().map { byte in
        (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }.joined(separator: ":")
      var report = AdvertisingReport(
        address: address, isRandomAddress: packet[offset + 1] & 0x01 != 0, name: nil, services: [])
      report.read(fields: packet[(offset + 9)..<(offset + 9 + dataLength)])
      reports.append(report)
      offset += 9 + dataLength + 1
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
