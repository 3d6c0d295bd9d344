/// One framed message on the wire (docs/wire-protocol.md):
///
///     A5 5A | version | type | sequence (2) | length (2) | payload (length) | CRC-16 (2)
///
/// Multi-byte fields are big-endian; the CRC covers version through payload.
public struct Frame: Hashable, Sendable {
  public static let syncBytes: [UInt8] = [0xA5, 0x5A]
  public static let protocolVersion: UInt8 = 1
  public static let headerSize = 8
  public static let trailerSize = 2
  /// Longer payloads are refused, so a corrupted length never makes a reader wait for megabytes.
  public static let maximumPayloadSize = 512

  public var type: MessageType
  public var sequence: UInt16
  public var payload: [UInt8]

  public init(type: MessageType, sequence: UInt16, payload: [UInt8] = []) {
    self.type = type
    self.sequence = sequence
    self.payload = payload
  }

  /// The bytes to write. Traps only on a payload longer than ``maximumPayloadSize``,
  /// which the encoders in this module never build.
  public func encoded() -> [UInt8] {
    precondition(payload.count <= Self.maximumPayloadSize, "payload over the protocol limit")
    var bytes = Self.syncBytes
    bytes.reserveCapacity(Self.headerSize + payload.count + Self.trailerSize)
    bytes.append(Self.protocolVersion)
    bytes.append(type.rawValue)
    bytes.append(contentsOf: [UInt8(sequence >> 8), UInt8(sequence & 0xFF)])
    bytes.append(contentsOf: [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)])
    bytes.append(contentsOf: payload)
    let crc = CRC16.checksum(bytes[2...])
    bytes.append(contentsOf: [UInt8(crc >> 8), UInt8(crc & 0xFF)])
    return bytes
  }

  /// Decodes exactly one complete frame, with nothing before or after it.
  public static func decode(_ bytes: [UInt8]) throws(FrameError) -> Frame {
    var decoder = FrameDecoder()
    decoder.append(bytes)
    guard let frame = try decoder.nextFrameStrict() else { throw .truncated(needed: decoder.bytesNeeded) }
    guard decoder.bufferedByteCount == 0 else { throw .trailingBytes(decoder.bufferedByteCount) }
    return frame
  }
}
