#if canImport(Glibc)
  import Glibc
#endif

/// The host side of GATT discovery for the diffuser profile: Exchange MTU, find the service
/// by its 128-bit UUID, find its two characteristics and subscribe to the event one.
///
/// Runs over a connected ``ATTBearer`` before anything else reads from it, one request at a
/// time as ATT requires; each step waits at most ``stepTimeoutMilliseconds``.
struct GATTDiscovery: Hashable, Sendable {
  static let stepTimeoutMilliseconds: Int32 = 5_000

  var mtu: Int
  var commandHandle: UInt16
  var eventHandle: UInt16

  static func run(over bearer: ATTBearer, profile: GATTProfile = .connectAge) throws(DiffuserError) -> GATTDiscovery {
    let mtu: Int
    switch try request(.exchangeMTURequest(clientMTU: ATTPDU.preferredMTU), over: bearer) {
    case .exchangeMTUResponse(let serverMTU):
      mtu = ATTPDU.mtu(agreedWith: serverMTU)
    default:
      mtu = ATTPDU.minimumMTU  // a device that refuses the exchange stays at 23
    }
    let service = try findService(over: bearer, profile: profile)
    let characteristics = try findCharacteristics(in: service, over: bearer)
    guard let command = characteristics.first(where: { $0.type == profile.command }),
      command.properties & 0x04 != 0
    else { throw .notADiffuser("no command characteristic with write without response") }
    guard let event = characteristics.first(where: { $0.type == profile.event }),
      event.properties & 0x30 != 0
    else { throw .notADiffuser("no event characteristic with notify") }
    // The descriptors sit between the event value and the next declaration (or the service end).
    let eventEnd =
      characteristics.first { $0.declarationHandle > event.valueHandle }.map { $0.declarationHandle - 1 }
      ?? service.upperBound
    guard event.valueHandle < eventEnd else {
      throw .notADiffuser("the event characteristic has no configuration descriptor")
    }
    let configuration = try findConfiguration(in: (event.valueHandle + 1)...eventEnd, over: bearer)
    // Notifications if the device offers them, else indications (bit 0x20).
    let subscription: [UInt8] = event.properties & 0x10 != 0 ? [0x01, 0x00] : [0x02, 0x00]
    switch try request(.writeRequest(handle: configuration, value: subscription), over: bearer) {
    case .writeResponse: break
    case .errorResponse(_, _, let code): throw .notADiffuser("subscribing to events failed: \(code)")
    default: throw .protocolViolation("ATT: unexpected answer to the subscription")
    }
    return GATTDiscovery(mtu: mtu, commandHandle: command.valueHandle, eventHandle: event.valueHandle)
  }

  private struct Characteristic {
    var declarationHandle: UInt16
    var properties: UInt8
    var valueHandle: UInt16
    var type: BluetoothUUID
  }

  private static func findService(over bearer: ATTBearer, profile: GATTProfile) throws(DiffuserError) -> ClosedRange<
    UInt16
  > {
    var start: UInt16 = 1
    while true {
      switch try request(.readByGroupTypeRequest(start: start, end: 0xFFFF, type: .primaryService), over: bearer) {
      case .readByGroupTypeResponse(let groups):
        if let match = groups.first(where: { BluetoothUUID(attBytes: $0.value) == profile.service }) {
          guard match.handle <= match.groupEnd else { throw .protocolViolation("ATT: service ends before it starts") }
          return match.handle...match.groupEnd
        }
        guard let last = groups.last?.groupEnd, last >= start, last < 0xFFFF else {
          throw .notADiffuser("no diffuser service")
        }
        start = last + 1
      case .errorResponse(_, _, .attributeNotFound):
        throw .notADiffuser("no diffuser service")
      default:
        throw .protocolViolation("ATT: unexpected answer to the service discovery")
      }
    }
  }

  private static func findCharacteristics(in service: ClosedRange<UInt16>, over bearer: ATTBearer)
    throws(DiffuserError) -> [Characteristic]
  {
    var found: [Characteristic] = []
    var start = service.lowerBound
    while start <= service.upperBound {
      switch try request(
        .readByTypeRequest(start: start, end: service.upperBound, type: .characteristic), over: bearer)
      {
      case .readByTypeResponse(let entries):
        for entry in entries {
          guard entry.value.count == 5 || entry.value.count == 19,
            let type = BluetoothUUID(attBytes: entry.value.dropFirst(3))
          else { throw .protocolViolation("ATT: characteristic declaration of \(entry.value.count) bytes") }
          let valueHandle = UInt16(entry.value[1]) | UInt16(entry.value[2]) << 8
          found.append(
            Characteristic(
              declarationHandle: entry.handle, properties: entry.value[0], valueHandle: valueHandle, type: type))
        }
        guard let last = entries.last?.handle, last >= start, last < service.upperBound else { return found }
        start = last + 1
      case .errorResponse(_, _, .attributeNotFound):
        return found
      default:
        throw .protocolViolation("ATT: unexpected answer to the characteristic discovery")
      }
    }
    return found
  }

  private static func findConfiguration(in range: ClosedRange<UInt16>, over bearer: ATTBearer)
    throws(DiffuserError) -> UInt16
  {
    var start = range.lowerBound
    while start <= range.upperBound {
      switch try request(.findInformationRequest(start: start, end: range.upperBound), over: bearer) {
      case .findInformationResponse(let entries):
        if let match = entries.first(where: { $0.type == .clientCharacteristicConfiguration }) { return match.handle }
        guard let last = entries.last?.handle, last >= start, last < range.upperBound else { break }
        start = last + 1
        continue
      case .errorResponse(_, _, .attributeNotFound):
        break
      default:
        throw .protocolViolation("ATT: unexpected answer to the descriptor discovery")
      }
      break
    }
    throw .notADiffuser("the event characteristic has no configuration descriptor")
  }

  /// Sends one request and waits for its response (or error response). Meanwhile it confirms
  /// indications, refuses the device's own requests and drops notifications: nothing is
  /// subscribed yet (``ATTBearer/respond(toUnasked:decoded:)``).
  static func request(_ pdu: ATTPDU, over bearer: ATTBearer) throws(DiffuserError) -> ATTPDU {
    try bearer.send(pdu)
    // One deadline for the whole step, so a device that keeps sending other PDUs cannot stall it.
    let deadline = ContinuousClock.now + .milliseconds(stepTimeoutMilliseconds)
    while true {
      let remaining = (deadline - ContinuousClock.now).components
      let milliseconds = max(0, remaining.seconds * 1_000 + remaining.attoseconds / 1_000_000_000_000_000)
      guard let bytes = try bearer.receive(timeoutMilliseconds: Int32(milliseconds)) else {
        throw .deviceUnreachable(errno: ETIMEDOUT)
      }
      let answer = try? ATTPDU(decoding: bytes)
      if let answer, answer.isResponse(to: pdu) { return answer }
      try bearer.respond(toUnasked: bytes, decoded: answer)
    }
  }
}
