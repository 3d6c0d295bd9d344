/// The error code of an ATT Error Response (Vol 3 Part F 3.4.1.1).
public struct ATTErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let invalidHandle = ATTErrorCode(rawValue: 0x01)
  public static let readNotPermitted = ATTErrorCode(rawValue: 0x02)
  public static let writeNotPermitted = ATTErrorCode(rawValue: 0x03)
  public static let invalidPDU = ATTErrorCode(rawValue: 0x04)
  public static let requestNotSupported = ATTErrorCode(rawValue: 0x06)
  public static let attributeNotFound = ATTErrorCode(rawValue: 0x0A)
  public static let invalidAttributeValueLength = ATTErrorCode(rawValue: 0x0D)
  public static let unsupportedGroupType = ATTErrorCode(rawValue: 0x10)

  public var description: String {
    let names: [UInt8: String] = [
      0x01: "invalid handle", 0x02: "read not permitted", 0x03: "write not permitted", 0x04: "invalid PDU",
      0x05: "insufficient authentication", 0x06: "request not supported", 0x0A: "attribute not found",
      0x0D: "invalid attribute value length", 0x0F: "insufficient encryption", 0x10: "unsupported group type",
    ]
    return names[rawValue] ?? "ATT error 0x" + String(rawValue, radix: 16)
  }
}
