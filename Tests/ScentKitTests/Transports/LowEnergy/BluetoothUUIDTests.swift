import ScentKit
import Testing

struct BluetoothUUIDTests {
  @Test(arguments: [
    ("00002800-0000-1000-8000-00805f9b34fb", "0x2800", [0x00, 0x28] as [UInt8]),
    ("00002A00-0000-1000-8000-00805F9B34FB", "0x2A00", [0x00, 0x2A]),
    (
      "5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10", "5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10",
      [0x10, 0x6D, 0x8E, 0x3F, 0x7A, 0x2B, 0x1F, 0x9D, 0x5A, 0x4E, 0xA9, 0xC0, 0x01, 0x00, 0x3E, 0x5C]
    ),
  ])
  func textAndATTFormsAgree(_ text: String, description: String, attBytes: [UInt8]) throws {
    let uuid = try #require(BluetoothUUID(text))
    #expect(uuid.description == description)
    #expect(uuid.attBytes == attBytes)
    #expect(BluetoothUUID(attBytes: attBytes) == uuid)
    #expect(BluetoothUUID(attBytes: uuid.littleEndianBytes) == uuid)
  }

  @Test(arguments: [
    "", "2800", "5c3e0001c0a94e5a9d1f2b7a3f8e6d10", "5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d1g",
    "5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10-", "5c3e000-1c0a9-4e5a-9d1f-2b7a3f8e6d10",
  ])
  func refusesMalformedText(_ text: String) {
    #expect(BluetoothUUID(text) == nil)
  }

  @Test(arguments: [0, 1, 3, 15, 17])
  func refusesATTFormsOfOtherLengths(_ count: Int) {
    #expect(BluetoothUUID(attBytes: [UInt8](repeating: 7, count: count)) == nil)
  }
}
