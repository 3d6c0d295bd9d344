import ScentKit
import Testing

struct AdvertisingReportTests {
  static let service = DiffuserGATTProfile.service

  /// An LE Advertising Report event as a raw HCI socket delivers it.
  static func event(_ reports: [(type: UInt8, random: Bool, address: [UInt8], data: [UInt8])]) -> [UInt8] {
    var body: [UInt8] = [0x02, UInt8(reports.count)]
    for report in reports {
      body += [report.type, report.random ? 1 : 0] + report.address.reversed() + [UInt8(report.data.count)]
      body += report.data + [0xC8]  // RSSI −56 dBm
    }
    return [0x04, 0x3E, UInt8(body.count)] + body
  }

  /// An LE Extended Advertising Report event with one legacy ADV_IND report.
  static func extendedEvent(random: Bool, address: [UInt8], data: [UInt8]) -> [UInt8] {
    var body: [UInt8] = [0x0D, 1, 0x13, 0x00, random ? 1 : 0] + address.reversed()
    body += [0x01, 0x00, 0xFF, 0x7F, 0xC8, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 6)
    body += [UInt8(data.count)] + data
    return [0x04, 0x3E, UInt8(body.count)] + body
  }

  static let flags: [UInt8] = [0x02, 0x01, 0x06]
  static let serviceField: [UInt8] = [0x11, 0x07] + service.littleEndianBytes
  static let nameField: [UInt8] = [0x14, 0x09] + Array("ConnectAge diffuser".utf8)
  static let address: [UInt8] = [0x00, 0xAA, 0x01, 0x02, 0x00, 0x02]

  @Test(arguments: [
    (
      "advertisement with the diffuser service",
      event([(0x00, false, address, flags + serviceField)]),
      [AdvertisingReport(address: "00:AA:01:02:00:02", isRandomAddress: false, name: nil, services: [service])]
    ),
    (
      "scan response with the name, random address",
      event([(0x04, true, address, nameField)]),
      [
        AdvertisingReport(
          address: "00:AA:01:02:00:02", isRandomAddress: true, name: "ConnectAge diffuser", services: [])
      ]
    ),
    (
      "two reports, 16-bit services, shortened name",
      event([
        (0x00, false, [0xC0, 0, 0, 0, 0, 1], [0x05, 0x03, 0x0F, 0x18, 0x0A, 0x18]),
        (0x00, false, [0xC0, 0, 0, 0, 0, 2], [0x04, 0x08, 0x41, 0x42, 0x43]),
      ]),
      [
        AdvertisingReport(
          address: "C0:00:00:00:00:01", isRandomAddress: false, name: nil,
          services: [BluetoothUUID(0x180F), BluetoothUUID(0x180A)]),
        AdvertisingReport(address: "C0:00:00:00:00:02", isRandomAddress: false, name: "ABC", services: []),
      ]
    ),
    (
      "field longer than the data: ignored from there",
      event([(0x00, false, address, flags + [0x09, 0x09, 0x41])]),
      [AdvertisingReport(address: "00:AA:01:02:00:02", isRandomAddress: false, name: nil, services: [])]
    ),
    (
      "extended report with the service",
      extendedEvent(random: false, address: address, data: flags + serviceField),
      [AdvertisingReport(address: "00:AA:01:02:00:02", isRandomAddress: false, name: nil, services: [service])]
    ),
    (
      "extended report, random address, truncated data",
      Array(extendedEvent(random: true, address: address, data: nameField).dropLast(1)), []
    ),
    ("not an advertising report", [0x04, 0x0E, 0x04, 0x01, 0x0B, 0x20, 0x00], []),
    ("truncated report", Array(event([(0x00, false, address, flags)]).dropLast(2)), []),
  ])
  func readsReportsAndTheirFields(_ name: String, packet: [UInt8], expected: [AdvertisingReport]) {
    #expect(AdvertisingReport.reports(inEvent: packet) == expected, "\(name)")
  }
}
