/// A Bluetooth attribute type: a 16-bit assigned number or a full 128-bit UUID.
///
/// Stored as the 16 bytes of the 128-bit form in ATT's little-endian order; a 16-bit
/// number is the Bluetooth base UUID `0000xxxx-0000-1000-8000-00805F9B34FB` with xxxx filled in.
public struct BluetoothUUID: Hashable, Sendable, CustomStringConvertible {
  /// The 128-bit value, least significant byte first (the order ATT puts on the air).
  public let littleEndianBytes: [UInt8]

  private static let base: [UInt8] = [
    0xFB, 0x34, 0x9B, 0x5F, 0x80, 0x00, 0x00, 0x80, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]

  private init(littleEndian bytes: [UInt8]) { littleEndianBytes = bytes }

  /// A 16-bit assigned number, e.g. `0x2800` (primary service).
  public init(_ short: UInt16) {
    var bytes = Self.base
    bytes[12] = UInt8(short & 0xFF)
    bytes[13] = UInt8(short >> 8)
    littleEndianBytes = bytes
  }

  /// Text like `5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10` (either case); nil otherwise.
  public init?(_ text: String) {
    let hex = text.filter { $0 != "-" }
    guard text.count == 36, hex.count == 32, [8, 13, 18, 23].allSatisfy({ text.dropFirst($0).first == "-" }) else {
      return nil
    }
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
      bytes.append(byte)
      index = next
    }
    littleEndianBytes = bytes.reversed()
  }

  /// Reads the 2- or 16-byte form found in an ATT PDU; nil for any other length.
  public init?<Bytes: Collection<UInt8>>(attBytes bytes: Bytes) {
    let array = Array(bytes)
    switch array.count {
    case 2: self.init(UInt16(array[0]) | UInt16(array[1]) << 8)
    case 16: self.init(littleEndian: array)
    default: return nil
    }
  }

  /// The 16-bit assigned number when this UUID is one; nil for a vendor UUID.
  public var shortValue: UInt16? {
    guard littleEndianBytes[0..<12].elementsEqual(Self.base[0..<12]), littleEndianBytes[14] == 0,
      littleEndianBytes[15] == 0
    else { return nil }
    return UInt16(littleEndianBytes[12]) | UInt16(littleEndianBytes[13]) << 8
  }

  /// The shortest form ATT allows: 2 bytes for an assigned number, else 16.
  public var attBytes: [UInt8] {
    if let short = shortValue { return [UInt8(short & 0xFF), UInt8(short >> 8)] }
    return littleEndianBytes
  }

  public var description: String {
    if let short = shortValue {
      let hex = String(short, radix: 16, uppercase: true)
      return "0x" + String(repeating: "0", count: 4 - hex.count) + hex
    }
    let hex = littleEndianBytes.reversed().map { byte in
      (byte < 16 ? "0" : "") + String(byte, radix: 16)
    }.joined()
    let characters = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
  }
}

extension BluetoothUUID {
  static let primaryService = BluetoothUUID(0x2800)
  static let secondaryService = BluetoothUUID(0x2801)
  static let characteristic = BluetoothUUID(0x2803)
  static let clientCharacteristicConfiguration = BluetoothUUID(0x2902)
  static let genericAccess = BluetoothUUID(0x1800)
  static let deviceName = BluetoothUUID(0x2A00)
}
