import Foundation

/// A ``DiffuserTransport`` over GATT, host side: frames go out as ATT Write Commands to the
/// diffuser's command characteristic and come back as notifications of its event one, in
/// pieces of at most MTU − 3 bytes (the frame decoder reassembles the stream).
///
/// Opening it runs ``GATTDiscovery`` on the calling thread (blocking, a few round trips),
/// then a dedicated thread reads notifications.
public final class GATTClientTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  /// The ATT MTU agreed with the device.
  public let mtu: Int
  private let bearer: ATTBearer
  private let commandHandle: UInt16

  /// Takes ownership of a connected packet socket (L2CAP ATT channel or `SOCK_SEQPACKET`)
  /// and discovers the diffuser service on it; closes the socket when that fails.
  public static func open(
    connectedSocket fd: Int32, peer: String, profile: GATTProfile = .connectAge
  ) throws(DiffuserError) -> GATTClientTransport {
    let bearer = ATTBearer(fd)
    let discovery: GATTDiscovery
    do {
      discovery = try GATTDiscovery.run(over: bearer, profile: profile)
    } catch {
      bearer.closeDescriptor()
      throw error
    }
    return GATTClientTransport(bearer: bearer, discovery: discovery, peer: peer)
  }

  private init(bearer: ATTBearer, discovery: GATTDiscovery, peer: String) {
    self.peer = peer
    self.bearer = bearer
    mtu = discovery.mtu
    commandHandle = discovery.commandHandle
    let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
    incoming = stream
    let eventHandle = discovery.eventHandle
    let thread = Thread {
      while let bytes = try? bearer.receive() {
        let pdu = try? ATTPDU(decoding: bytes)
        try? bearer.respond(toUnasked: bytes, decoded: pdu)
        switch pdu {
        case .handleValueNotification(eventHandle, let value)?, .handleValueIndication(eventHandle, let value)?:
          continuation.yield(value)
        default:
          continue
        }
      }
      bearer.closeDescriptor()
      continuation.finish()
    }
    thread.name = "diffuser-gatt-client \(peer)"
    thread.start()
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) {
    try bearer.send(ATTPDU.valuePieces(of: bytes, mtu: mtu).map { .writeCommand(handle: commandHandle, value: $0) })
  }

  public func close() { bearer.close() }

  deinit { close() }
}
