/// Why bytes are not a valid ATT PDU.
public enum ATTPDUError: Error, Hashable, Sendable {
  case empty
  case truncated(opcode: UInt8)
  case malformed(opcode: UInt8, reason: String)
}
