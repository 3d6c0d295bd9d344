/// The device side of GATT as a pure state machine: a fixed attribute database, the
/// negotiated MTU and whether the host subscribed. Feed it each PDU from the link; send
/// back what it answers. No I/O here, so tests and the fuzzer drive it directly.
public struct GATTServer: Sendable {
  /// One attribute of the database.
  public struct Attribute: Hashable, Sendable {
    public enum Role: Hashable, Sendable { case constant, commandValue, eventValue, eventConfiguration }
    public var handle: UInt16
    public var type: BluetoothUUID
    public var value: [UInt8]
    public var role: Role

    public init(handle: UInt16, type: BluetoothUUID, value: [UInt8], role: Role) {
      self.handle = handle
      self.type = type
      self.value = value
      self.role = role
    }
  }

  /// What one PDU from the host produced.
  public struct Outcome: Hashable, Sendable {
    /// The PDU to send back, if any (commands and confirmations get none).
    public var response: ATTPDU?
    /// Bytes the host wrote to the command characteristic: the diffuser's input stream.
    public var written: [UInt8] = []
  }

  public let attributes: [Attribute]
  /// The ATT MTU of the link, 23 until the host exchanges a bigger one.
  public private(set) var mtu = ATTPDU.minimumMTU
  /// True once the host wrote 0x0001 (or 0x0002) to the event characteristic's CCCD.
  public private(set) var notificationsEnabled = false

  /// The diffuser's GATT database (docs/wire-protocol.md, "BLE"):
  ///
  ///     0x0001 primary service 0x1800 (Generic Access)
  ///     0x0002   characteristic: read, 0x0003, Device Name
  ///     0x0003   "ConnectAge diffuser"
  ///     0x0004 primary service DiffuserGATTProfile.service
  ///     0x0005   characteristic: write | write without response, 0x0006, command
  ///     0x0006   command value (host → device frames)
  ///     0x0007   characteristic: notify, 0x0008, event
  ///     0x0008   event value (device → host frames)
  ///     0x0009   client characteristic configuration
  public static func diffuser(name: String = "ConnectAge diffuser", profile: GATTProfile = .connectAge) -> GATTServer {
    func declaration(_ properties: UInt8, _ valueHandle: UInt16, _ type: BluetoothUUID) -> [UInt8] {
      [properties, UInt8(valueHandle & 0xFF), UInt8(valueHandle >> 8)] + type.attBytes
    }
    return GATTServer(attributes: [
      Attribute(handle: 1, type: .primaryService, value: BluetoothUUID.genericAccess.attBytes, role: .constant),
      Attribute(handle: 2, type: .characteristic, value: declaration(0x02, 3, .deviceName), role: .constant),
      Attribute(handle: 3, type: .deviceName, value: Array(name.utf8), role: .constant),
      Attribute(
        handle: 4, type: .primaryService, value: profile.service.attBytes, role: .constant),
      Attribute(
        handle: 5, type: .characteristic, value: declaration(0x0C, 6, profile.command), role: .constant),
      Attribute(handle: 6, type: profile.command, value: [], role: .commandValue),
      Attribute(
        handle: 7, type: .characteristic, value: declaration(0x10, 8, profile.event), role: .constant),
      Attribute(handle: 8, type: profile.event, value: [], role: .eventValue),
      Attribute(handle: 9, type: .clientCharacteristicConfiguration, value: [0, 0], role: .eventConfiguration),
    ])
  }

  public init(attributes: [Attribute]) {
    self.attributes = attributes.sorted { $0.handle < $1.handle }
  }

  /// The handle of the event value, where notifications come from.
  public var eventHandle: UInt16 { attributes.first { $0.role == .eventValue }?.handle ?? 0 }

  /// Notifications carrying `bytes`, each at most MTU − 3 bytes of value; none while the
  /// host has not subscribed (a real device would drop them too).
  public func notifications(carrying bytes: [UInt8]) -> [ATTPDU] {
    guard notificationsEnabled else { return [] }
    return ATTPDU.valuePieces(of: bytes, mtu: mtu).map { .handleValueNotification(handle: eventHandle, value: $0) }
  }

  /// Handles one PDU from the host.
  public mutating func receive(_ pdu: ATTPDU) -> Outcome {
    func error(_ code: ATTErrorCode, _ handle: UInt16 = 0) -> Outcome {
      Outcome(response: .errorResponse(request: pdu.opcode, handle: handle, code: code))
    }
    switch pdu {
    case .exchangeMTURequest(let clientMTU):
      mtu = ATTPDU.mtu(agreedWith: clientMTU)
      return Outcome(response: .exchangeMTUResponse(serverMTU: ATTPDU.preferredMTU))
    case .readByGroupTypeRequest(let start, let end, let type):
      guard start != 0, start <= end else { return error(.invalidHandle, start) }
      guard type == .primaryService || type == .secondaryService else { return error(.unsupportedGroupType, start) }
      let groups = serviceGroups().filter {
        $0.declaration.type == type && (start...end).contains($0.declaration.handle)
      }
      .map { ATTPDU.GroupValue(handle: $0.declaration.handle, groupEnd: $0.end, value: $0.declaration.value) }
      let fitting = uniform(groups, length: { $0.value.count }, entrySize: { 4 + $0.value.count })
      return fitting.isEmpty ? error(.attributeNotFound, start) : Outcome(response: .readByGroupTypeResponse(fitting))
    case .readByTypeRequest(let start, let end, let type):
      guard start != 0, start <= end else { return error(.invalidHandle, start) }
      let found = attributes.filter { (start...end).contains($0.handle) && $0.type == type }
      if let first = found.first, first.role == .commandValue {
        return error(.readNotPermitted, first.handle)
      }
      let entries = found.prefix { $0.role != .commandValue }.map { attribute in
        ATTPDU.HandleValue(handle: attribute.handle, value: Array(readableValue(attribute).prefix(min(253, mtu - 4))))
      }
      let fitting = uniform(entries, length: { $0.value.count }, entrySize: { 2 + $0.value.count })
      return fitting.isEmpty ? error(.attributeNotFound, start) : Outcome(response: .readByTypeResponse(fitting))
    case .findInformationRequest(let start, let end):
      guard start != 0, start <= end else { return error(.invalidHandle, start) }
      let entries = attributes.filter { (start...end).contains($0.handle) }
        .map { ATTPDU.HandleType(handle: $0.handle, type: $0.type) }
      let fitting = uniform(entries, length: { $0.type.attBytes.count }, entrySize: { 2 + $0.type.attBytes.count })
      return fitting.isEmpty ? error(.attributeNotFound, start) : Outcome(response: .findInformationResponse(fitting))
    case .findByTypeValueRequest(let start, let end, let type, let value):
      guard start != 0, start <= end else { return error(.invalidHandle, start) }
      let ranges = serviceGroups().filter {
        (start...end).contains($0.declaration.handle) && $0.declaration.type == BluetoothUUID(type)
          && $0.declaration.value == value
      }.map { ATTPDU.HandleRange(handle: $0.declaration.handle, groupEnd: $0.end) }
      let fitting = Array(ranges.prefix((mtu - 1) / 4))
      return fitting.isEmpty ? error(.attributeNotFound, start) : Outcome(response: .findByTypeValueResponse(fitting))
    case .readRequest(let handle):
      guard let attribute = attributes.first(where: { $0.handle == handle }) else {
        return error(.invalidHandle, handle)
      }
      guard attribute.role != .commandValue else { return error(.readNotPermitted, handle) }
      return Outcome(response: .readResponse(value: Array(readableValue(attribute).prefix(mtu - 1))))
    case .writeRequest(let handle, let value):
      guard let attribute = attributes.first(where: { $0.handle == handle }) else {
        return error(.invalidHandle, handle)
      }
      switch attribute.role {
      case .commandValue:
        return Outcome(response: .writeResponse, written: value)
      case .eventConfiguration:
        guard value.count == 2 else { return error(.invalidAttributeValueLength, handle) }
        notificationsEnabled = value[0] & 0x03 != 0
        return Outcome(response: .writeResponse)
      case .constant, .eventValue:
        return error(.writeNotPermitted, handle)
      }
    case .writeCommand(let handle, let value):
      // Commands are never answered; a write to any other handle is dropped silently.
      let isCommand = attributes.contains { $0.handle == handle && $0.role == .commandValue }
      return Outcome(response: nil, written: isCommand ? value : [])
    case .handleValueConfirmation, .handleValueNotification, .errorResponse, .exchangeMTUResponse,
      .findInformationResponse, .findByTypeValueResponse, .readByTypeResponse, .readResponse,
      .readByGroupTypeResponse, .writeResponse:
      return Outcome(response: nil)
    case .handleValueIndication, .unsupported:
      return pdu.expectsResponse ? error(.requestNotSupported) : Outcome(response: nil)
    }
  }

  /// The first PDU answering bytes that do not decode: an error for a request, nothing for a command.
  public static func answer(toUndecodable bytes: [UInt8]) -> ATTPDU? {
    guard let opcode = bytes.first, ATTPDU.Opcode.isRequest(opcode) else { return nil }
    return .errorResponse(request: opcode, handle: 0, code: .invalidPDU)
  }

  private func readableValue(_ attribute: Attribute) -> [UInt8] {
    attribute.role == .eventConfiguration ? [notificationsEnabled ? 1 : 0, 0] : attribute.value
  }

  /// Each service declaration with the last handle before the next one (or 0xFFFF).
  private func serviceGroups() -> [(declaration: Attribute, end: UInt16)] {
    let declarations = attributes.enumerated().filter {
      $0.element.type == .primaryService || $0.element.type == .secondaryService
    }
    return declarations.enumerated().map { index, entry in
      let end = index + 1 < declarations.count ? attributes[declarations[index + 1].offset - 1].handle : 0xFFFF
      return (entry.element, end)
    }
  }

  /// The leading entries that share the first one's length and fit in one response (MTU − 2).
  private func uniform<Entry>(_ entries: [Entry], length: (Entry) -> Int, entrySize: (Entry) -> Int) -> [Entry] {
    guard let first = entries.first else { return [] }
    var room = mtu - 2
    var result: [Entry] = []
    for entry in entries {
      guard length(entry) == length(first), entrySize(entry) <= room else { break }
      result.append(entry)
      room -= entrySize(entry)
    }
    return result
  }
}
