/// Turns a Scentrealm byte stream into frames. A bad CRC, tail or unknown command drops one
/// byte and searches for the next 0xF5, so a corrupted frame costs that frame only.
public struct ScentrealmFrameDecoder: Sendable {
  public let crcOrder: CRCByteOrder
  private var buffer: [UInt8] = []
  public private(set) var rejectedFrameCount = 0

  public init(crcOrder: CRCByteOrder) { self.crcOrder = crcOrder }

  public mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) { buffer.append(contentsOf: bytes) }

  public mutating func nextFrame() -> ScentrealmFrame? {
    while true {
      guard let head = buffer.firstIndex(of: ScentrealmFrame.head) else {
        buffer.removeAll()
        return nil
      }
      buffer.removeFirst(head)
      guard buffer.count >= ScentrealmFrame.overhead else { return nil }
      let length = Int(buffer[6])
      let size = ScentrealmFrame.overhead + length
      guard buffer.count >= size else { return nil }
      let checked = Array(buffer[1..<(7 + length)])
      let crc = crcOrder.bytes(ModbusCRC16.checksum(checked))
      if buffer[size - 1] == ScentrealmFrame.tail, Array(buffer[(7 + length)..<(9 + length)]) == crc,
        let command = ScentrealmCommand(rawValue: buffer[5])
      {
        let frame = ScentrealmFrame(
          source: UInt16(buffer[1]) << 8 | UInt16(buffer[2]), destination: UInt16(buffer[3]) << 8 | UInt16(buffer[4]),
          command: command, data: Array(buffer[7..<(7 + length)]))
        buffer.removeFirst(size)
        return frame
      }
      rejectedFrameCount += 1
      buffer.removeFirst()
    }
  }
}
