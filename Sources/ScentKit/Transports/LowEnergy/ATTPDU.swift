/// One Attribute Protocol PDU (Bluetooth Core 5.x, Vol 3 Part F): the subset a GATT client
/// and a small GATT server need. Multi-byte fields are little-endian.
///
/// Decoding never traps: a known opcode with wrong parameters throws ``ATTPDUError``, an
/// opcode outside the subset becomes ``unsupported(opcode:)`` so a server can answer
/// "request not supported" as the specification asks.
public enum ATTPDU: Hashable, Sendable {
  case errorResponse(request: UInt8, handle: UInt16, code: ATTErrorCode)
  case exchangeMTURequest(clientMTU: UInt16)
  case exchangeMTUResponse(serverMTU: UInt16)
  case findInformationRequest(start: UInt16, end: UInt16)
  case findInformationResponse([HandleType])
  case findByTypeValueRequest(start: UInt16, end: UInt16, type: UInt16, value: [UInt8])
  case findByTypeValueResponse([HandleRange])
  case readByTypeRequest(start: UInt16, end: UInt16, type: BluetoothUUID)
  case readByTypeResponse([HandleValue])
  case readRequest(handle: UInt16)
  case readResponse(value: [UInt8])
  case readByGroupTypeRequest(start: UInt16, end: UInt16, type: BluetoothUUID)
  case readByGroupTypeResponse([GroupValue])
  case writeRequest(handle: UInt16, value: [UInt8])
  case writeResponse
  case writeCommand(handle: UInt16, value: [UInt8])
  case handleValueNotification(handle: UInt16, value: [UInt8])
  case handleValueIndication(handle: UInt16, value: [UInt8])
  case handleValueConfirmation
  /// Any other opcode, parameters ignored.
  case unsupported(opcode: UInt8)

  /// An attribute handle and its type (Find Information).
  public struct HandleType: Hashable, Sendable {
    public var handle: UInt16
    public var type: BluetoothUUID
    public init(handle: UInt16, type: BluetoothUUID) {
      self.handle = handle
      self.type = type
    }
  }

  /// A found attribute and the last handle of its group (Find By Type Value).
  public struct HandleRange: Hashable, Sendable {
    public var handle: UInt16
    public var groupEnd: UInt16
    public init(handle: UInt16, groupEnd: UInt16) {
      self.handle = handle
      self.groupEnd = groupEnd
    }
  }

  /// An attribute handle and its value (Read By Type).
  public struct HandleValue: Hashable, Sendable {
    public var handle: UInt16
    public var value: [UInt8]
    public init(handle: UInt16, value: [UInt8]) {
      self.handle = handle
      self.value = value
    }
  }

  /// A group (a service): its first and last handles and its value (Read By Group Type).
  public struct GroupValue: Hashable, Sendable {
    public var handle: UInt16
    public var groupEnd: UInt16
    public var value: [UInt8]
    public init(handle: UInt16, groupEnd: UInt16, value: [UInt8]) {
      self.handle = handle
      self.groupEnd = groupEnd
      self.value = value
    }
  }

  /// The smallest MTU every LE link supports; PDUs never exceed the negotiated MTU.
  public static let minimumMTU = 23

  /// The MTU both ends of ConnectAge ask for: 247 fills one LE Data Length Extension packet
  /// (251 bytes less the 4-byte L2CAP header).
  public static let preferredMTU: UInt16 = 247

  /// The MTU of a link once the peer offered (or answered) `peerMTU` to our ``preferredMTU``:
  /// the smaller of both, never below ``minimumMTU``.
  public static func mtu(agreedWith peerMTU: UInt16) -> Int {
    max(minimumMTU, min(Int(peerMTU), Int(preferredMTU)))
  }

  /// `bytes` cut into the values of consecutive write commands or notifications: at most
  /// MTU − 3 bytes each, the room the opcode and the handle leave.
  public static func valuePieces(of bytes: [UInt8], mtu: Int) -> [[UInt8]] {
    let size = mtu - 3
    return stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
  }

  /// Opcodes of the PDUs above (Vol 3 Part F 3.4.8).
  public enum Opcode {
    public static let errorResponse: UInt8 = 0x01
    public static let exchangeMTURequest: UInt8 = 0x02
    public static let exchangeMTUResponse: UInt8 = 0x03
    public static let findInformationRequest: UInt8 = 0x04
    public static let findInformationResponse: UInt8 = 0x05
    public static let findByTypeValueRequest: UInt8 = 0x06
    public static let findByTypeValueResponse: UInt8 = 0x07
    public static let readByTypeRequest: UInt8 = 0x08
    public static let readByTypeResponse: UInt8 = 0x09
    public static let readRequest: UInt8 = 0x0A
    public static let readResponse: UInt8 = 0x0B
    public static let readByGroupTypeRequest: UInt8 = 0x10
    public static let readByGroupTypeResponse: UInt8 = 0x11
    public static let writeRequest: UInt8 = 0x12
    public static let writeResponse: UInt8 = 0x13
    public static let writeCommand: UInt8 = 0x52
    public static let handleValueNotification: UInt8 = 0x1B
    public static let handleValueIndication: UInt8 = 0x1D
    public static let handleValueConfirmation: UInt8 = 0x1E
    /// Bit 6 marks a command: never answered, not even with an error.
    public static let commandFlag: UInt8 = 0x40

    /// True for the opcode of a request, which the receiver must answer (with an error if
    /// nothing else): not a command, not a confirmation, and even (responses, notifications
    /// and indications are odd).
    public static func isRequest(_ opcode: UInt8) -> Bool {
      opcode & commandFlag == 0 && opcode & 0x01 == 0 && opcode != handleValueConfirmation
    }
  }

  public var opcode: UInt8 {
    switch self {
    case .errorResponse: Opcode.errorResponse
    case .exchangeMTURequest: Opcode.exchangeMTURequest
    case .exchangeMTUResponse: Opcode.exchangeMTUResponse
    case .findInformationRequest: Opcode.findInformationRequest
    case .findInformationResponse: Opcode.findInformationResponse
    case .findByTypeValueRequest: Opcode.findByTypeValueRequest
    case .findByTypeValueResponse: Opcode.findByTypeValueResponse
    case .readByTypeRequest: Opcode.readByTypeRequest
    case .readByTypeResponse: Opcode.readByTypeResponse
    case .readRequest: Opcode.readRequest
    case .readResponse: Opcode.readResponse
    case .readByGroupTypeRequest: Opcode.readByGroupTypeRequest
    case .readByGroupTypeResponse: Opcode.readByGroupTypeResponse
    case .writeRequest: Opcode.writeRequest
    case .writeResponse: Opcode.writeResponse
    case .writeCommand: Opcode.writeCommand
    case .handleValueNotification: Opcode.handleValueNotification
    case .handleValueIndication: Opcode.handleValueIndication
    case .handleValueConfirmation: Opcode.handleValueConfirmation
    case .unsupported(let opcode): opcode
    }
  }

  /// True for PDUs a client sends and a server must answer (everything but commands,
  /// responses, notifications and confirmations).
  public var expectsResponse: Bool {
    switch self {
    case .exchangeMTURequest, .findInformationRequest, .findByTypeValueRequest, .readByTypeRequest, .readRequest,
      .readByGroupTypeRequest, .writeRequest, .handleValueIndication:
      true
    case .unsupported(let opcode): Opcode.isRequest(opcode)
    default: false
    }
  }

  /// True when this PDU answers `request`: its response (the request's opcode + 1) or an
  /// error response naming the request's opcode. An indication never answers a request.
  public func isResponse(to request: ATTPDU) -> Bool {
    switch self {
    case .errorResponse(let opcode, _, _): opcode == request.opcode
    case .handleValueIndication: false
    default: opcode == request.opcode &+ 1
    }
  }

  /// Decodes one PDU: exactly the bytes of one L2CAP packet.
  public init(decoding bytes: [UInt8]) throws(ATTPDUError) {
    guard let opcode = bytes.first else { throw .empty }
    var reader = ATTReader(bytes: bytes, opcode: opcode)
    switch opcode {
    case Opcode.errorResponse:
      let request = try reader.byte()
      let handle = try reader.uint16()
      self = .errorResponse(request: request, handle: handle, code: ATTErrorCode(rawValue: try reader.byte()))
      try reader.finish()
    case Opcode.exchangeMTURequest:
      self = .exchangeMTURequest(clientMTU: try reader.uint16())
      try reader.finish()
    case Opcode.exchangeMTUResponse:
      self = .exchangeMTUResponse(serverMTU: try reader.uint16())
      try reader.finish()
    case Opcode.findInformationRequest:
      self = .findInformationRequest(start: try reader.uint16(), end: try reader.uint16())
      try reader.finish()
    case Opcode.findInformationResponse:
      let format = try reader.byte()
      guard format == 1 || format == 2 else { throw .malformed(opcode: opcode, reason: "format \(format)") }
      let size = format == 1 ? 2 : 16
      self = .findInformationResponse(
        try reader.records(size: 2 + size) { record in
          HandleType(handle: record.uint16(at: 0), type: BluetoothUUID(attBytes: record.dropFirst(2))!)
        })
    case Opcode.findByTypeValueRequest:
      let start = try reader.uint16()
      let end = try reader.uint16()
      self = .findByTypeValueRequest(start: start, end: end, type: try reader.uint16(), value: reader.rest())
    case Opcode.findByTypeValueResponse:
      self = .findByTypeValueResponse(
        try reader.records(size: 4) { HandleRange(handle: $0.uint16(at: 0), groupEnd: $0.uint16(at: 2)) })
    case Opcode.readByTypeRequest, Opcode.readByGroupTypeRequest:
      let start = try reader.uint16()
      let end = try reader.uint16()
      guard let type = BluetoothUUID(attBytes: reader.rest()) else {
        throw .malformed(opcode: opcode, reason: "attribute type of \(bytes.count - 5) bytes")
      }
      self =
        opcode == Opcode.readByTypeRequest
        ? .readByTypeRequest(start: start, end: end, type: type)
        : .readByGroupTypeRequest(start: start, end: end, type: type)
    case Opcode.readByTypeResponse:
      let length = Int(try reader.byte())
      guard length >= 2 else { throw .malformed(opcode: opcode, reason: "entry length \(length)") }
      self = .readByTypeResponse(
        try reader.records(size: length) { HandleValue(handle: $0.uint16(at: 0), value: Array($0.dropFirst(2))) })
    case Opcode.readByGroupTypeResponse:
      let length = Int(try reader.byte())
      guard length >= 4 else { throw .malformed(opcode: opcode, reason: "entry length \(length)") }
      self = .readByGroupTypeResponse(
        try reader.records(size: length) { record in
          GroupValue(handle: record.uint16(at: 0), groupEnd: record.uint16(at: 2), value: Array(record.dropFirst(4)))
        })
    case Opcode.readRequest:
      self = .readRequest(handle: try reader.uint16())
      try reader.finish()
    case Opcode.readResponse:
      self = .readResponse(value: reader.rest())
    case Opcode.writeRequest:
      self = .writeRequest(handle: try reader.uint16(), value: reader.rest())
    case Opcode.writeResponse:
      self = .writeResponse
      try reader.finish()
    case Opcode.writeCommand:
      self = .writeCommand(handle: try reader.uint16(), value: reader.rest())
    case Opcode.handleValueNotification:
      self = .handleValueNotification(handle: try reader.uint16(), value: reader.rest())
    case Opcode.handleValueIndication:
      self = .handleValueIndication(handle: try reader.uint16(), value: reader.rest())
    case Opcode.handleValueConfirmation:
      self = .handleValueConfirmation
      try reader.finish()
    default:
      self = .unsupported(opcode: opcode)
    }
  }

  /// The bytes of the PDU. Lists must be uniform (same value length, same UUID size), as
  /// the specification requires; ``GATTServer`` builds them that way.
  public func encoded() -> [UInt8] {
    var bytes = [opcode]
    func append(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
    switch self {
    case .errorResponse(let request, let handle, let code):
      bytes.append(request)
      append(handle)
      bytes.append(code.rawValue)
    case .exchangeMTURequest(let mtu), .exchangeMTUResponse(let mtu):
      append(mtu)
    case .findInformationRequest(let start, let end):
      append(start)
      append(end)
    case .findInformationResponse(let entries):
      bytes.append(entries.first.map { $0.type.attBytes.count == 2 ? 1 : 2 } ?? 1)
      for entry in entries {
        append(entry.handle)
        bytes += entry.type.attBytes
      }
    case .findByTypeValueRequest(let start, let end, let type, let value):
      append(start)
      append(end)
      append(type)
      bytes += value
    case .findByTypeValueResponse(let ranges):
      for range in ranges {
        append(range.handle)
        append(range.groupEnd)
      }
    case .readByTypeRequest(let start, let end, let type), .readByGroupTypeRequest(let start, let end, let type):
      append(start)
      append(end)
      bytes += type.attBytes
    case .readByTypeResponse(let entries):
      bytes.append(UInt8(truncatingIfNeeded: 2 + (entries.first?.value.count ?? 0)))
      for entry in entries {
        append(entry.handle)
        bytes += entry.value
      }
    case .readByGroupTypeResponse(let groups):
      bytes.append(UInt8(truncatingIfNeeded: 4 + (groups.first?.value.count ?? 0)))
      for group in groups {
        append(group.handle)
        append(group.groupEnd)
        bytes += group.value
      }
    case .readRequest(let handle):
      append(handle)
    case .readResponse(let value):
      bytes += value
    case .writeRequest(let handle, let value), .writeCommand(let handle, let value),
      .handleValueNotification(let handle, let value), .handleValueIndication(let handle, let value):
      append(handle)
      bytes += value
    case .writeResponse, .handleValueConfirmation, .unsupported:
      break
    }
    return bytes
  }
}

/// Reads the parameters of one PDU, throwing instead of reading past the end.
private struct ATTReader {
  let bytes: [UInt8]
  let opcode: UInt8
  var offset = 1

  init(bytes: [UInt8], opcode: UInt8) {
    self.bytes = bytes
    self.opcode = opcode
  }

  mutating func byte() throws(ATTPDUError) -> UInt8 {
    guard offset < bytes.count else { throw .truncated(opcode: opcode) }
    offset += 1
    return bytes[offset - 1]
  }

  mutating func uint16() throws(ATTPDUError) -> UInt16 {
    let low = try byte()
    return UInt16(low) | UInt16(try byte()) << 8
  }

  mutating func rest() -> [UInt8] {
    defer { offset = bytes.count }
    return Array(bytes[offset...])
  }

  func finish() throws(ATTPDUError) {
    guard offset == bytes.count else { throw .malformed(opcode: opcode, reason: "\(bytes.count - offset) extra bytes") }
  }

  /// Splits the rest into records of `size` bytes; at least one, none partial.
  mutating func records<Record>(size: Int, _ make: (ArraySlice<UInt8>) -> Record) throws(ATTPDUError) -> [Record] {
    let rest = rest()
    guard !rest.isEmpty, rest.count % size == 0 else {
      throw .malformed(opcode: opcode, reason: "\(rest.count) bytes of \(size)-byte entries")
    }
    return stride(from: 0, to: rest.count, by: size).map { make(rest[$0..<($0 + size)]) }
  }
}

extension ArraySlice<UInt8> {
  /// The little-endian 16-bit value `offset` bytes into the slice.
  fileprivate func uint16(at offset: Int) -> UInt16 {
    UInt16(self[startIndex + offset]) | UInt16(self[startIndex + offset + 1]) << 8
  }
}
