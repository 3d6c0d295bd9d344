/// Why bytes are not a valid frame or message.
public enum FrameError: Error, Hashable, Sendable {
  case missingSync
  case unsupportedVersion(UInt8)
  case unknownType(UInt8)
  case payloadTooLong(Int)
  case truncated(needed: Int)
  case checksumMismatch(expected: UInt16, found: UInt16)
  case trailingBytes(Int)
  /// The frame is intact but its payload does not match its type.
  case malformedPayload(MessageType, String)
}
