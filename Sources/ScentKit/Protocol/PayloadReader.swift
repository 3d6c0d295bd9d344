/// Reads big-endian fields from a payload, throwing instead of reading past its end.
struct PayloadReader {
  let type: MessageType
  let bytes: [UInt8]
  var offset = 0

  init(_ frame: Frame) {
    type = frame.type
    bytes = frame.payload
  }

  mutating func byte(_ field: String) throws(FrameError) -> UInt8 {
    guard offset < bytes.count else { throw .malformedPayload(type, "missing \(field)") }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func uint16(_ field: String) throws(FrameError) -> UInt16 {
    UInt16(try byte(field)) << 8 | UInt16(try byte(field))
  }

  mutating func uint64(_ field: String) throws(FrameError) -> UInt64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(try byte(field)) }
    return value
  }

  /// A string prefixed by its length in one byte; UTF-8.
  mutating func string(_ field: String) throws(FrameError) -> String {
    let length = Int(try byte(field))
    guard offset + length <= bytes.count else { throw .malformedPayload(type, "\(field) runs past the payload") }
    defer { offset += length }
    guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
      throw .malformedPayload(type, "\(field) is not UTF-8")
    }
    return text
  }

  func finish() throws(FrameError) {
    guard offset == bytes.count else { throw .malformedPayload(type, "\(bytes.count - offset) unexpected bytes") }
  }
}
