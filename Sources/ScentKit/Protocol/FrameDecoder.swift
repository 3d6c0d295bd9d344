/// Turns a byte stream into frames, resynchronising after garbage.
///
/// On a bad header or CRC the decoder drops one byte and searches for the next sync
/// pair, so a corrupted frame costs that frame only. Counters record what was thrown
/// away, so a flaky link shows up in the logs instead of as silence.
public struct FrameDecoder: Sendable {
  private var buffer: [UInt8] = []
  private var start = 0
  public private(set) var discardedByteCount = 0
  public private(set) var rejectedFrameCount = 0

  public init() {}

  public var bufferedByteCount: Int { buffer.count - start }

  /// Bytes still missing before the frame at the head of the buffer is complete.
  public var bytesNeeded: Int {
    let available = bufferedByteCount
    guard available >= Frame.headerSize else { return Frame.headerSize + Frame.trailerSize - available }
    let length = Int(buffer[start + 6]) << 8 | Int(buffer[start + 7])
    return max(0, Frame.headerSize + length + Frame.trailerSize - available)
  }

  public mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    if start > 4096 {
      buffer.removeFirst(start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next valid frame, or nil when more bytes are needed. Garbage is skipped.
  public mutating func nextFrame() -> Frame? {
    while true {
      do {
        return try nextFrameStrict()
      } catch {
        rejectedFrameCount += 1
        drop(1)
      }
    }
  }

  /// The frame at the head of the buffer; throws (consuming nothing) when the head is not one.
  mutating func nextFrameStrict() throws(FrameError) -> Frame? {
    skipToSync()
    let available = bufferedByteCount
    guard available >= 2 else { return nil }
    guard buffer[start] == Frame.syncBytes[0], buffer[start + 1] == Frame.syncBytes[1] else {
      throw .missingSync
    }
    guard available >= Frame.headerSize else { return nil }
    let version = buffer[start + 2]
    guard version == Frame.protocolVersion else { throw .unsupportedVersion(version) }
    guard let type = MessageType(rawValue: buffer[start + 3]) else { throw .unknownType(buffer[start + 3]) }
    let length = Int(buffer[start + 6]) << 8 | Int(buffer[start + 7])
    guard length <= Frame.maximumPayloadSize else { throw .payloadTooLong(length) }
    let total = Frame.headerSize + length + Frame.trailerSize
    guard available >= total else { return nil }
    let crcStart = start + Frame.headerSize + length
    let found = UInt16(buffer[crcStart]) << 8 | UInt16(buffer[crcStart + 1])
    let expected = CRC16.checksum(buffer[(start + 2)..<crcStart])
    guard found == expected else { throw .checksumMismatch(expected: expected, found: found) }
    let sequence = UInt16(buffer[start + 4]) << 8 | UInt16(buffer[start + 5])
    let payload = Array(buffer[(start + Frame.headerSize)..<crcStart])
    start += total
    return Frame(type: type, sequence: sequence, payload: payload)
  }

  private mutating func skipToSync() {
    var index = start
    while index < buffer.count {
      if buffer[index] == Frame.syncBytes[0], index + 1 == buffer.count || buffer[index + 1] == Frame.syncBytes[1] {
        break
      }
      index += 1
    }
    discardedByteCount += index - start
    start = index
  }

  private mutating func drop(_ count: Int) {
    let dropped = min(count, bufferedByteCount)
    discardedByteCount += dropped
    start += dropped
  }
}
