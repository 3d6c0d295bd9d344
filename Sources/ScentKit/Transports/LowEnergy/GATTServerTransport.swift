import Foundation
import Synchronization

/// A ``DiffuserTransport`` over GATT, device side: serves the diffuser's attribute database
/// (``GATTServer/diffuser(name:)``) on one connection. `incoming` carries what the host writes
/// to the command characteristic; ``send(_:)`` notifies on the event characteristic once the
/// host has subscribed (before that, like a real device, it drops the bytes).
public final class GATTServerTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  private let bearer: ATTBearer
  private let state: ServerState

  /// Takes ownership of a connected packet socket and starts answering the host.
  public init(connectedSocket fd: Int32, peer: String, server: GATTServer = .diffuser()) {
    self.peer = peer
    let bearer = ATTBearer(fd)
    self.bearer = bearer
    let state = ServerState(server)
    self.state = state
    let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
    incoming = stream
    let thread = Thread { [state] in
      while let bytes = try? bearer.receive() {
        let outcome: GATTServer.Outcome
        do {
          let pdu = try ATTPDU(decoding: bytes)
          outcome = state.server.withLock { $0.receive(pdu) }
        } catch {
          outcome = GATTServer.Outcome(response: GATTServer.answer(toUndecodable: bytes))
        }
        if let response = outcome.response { try? bearer.send(response) }
        if !outcome.written.isEmpty { continuation.yield(outcome.written) }
      }
      bearer.closeDescriptor()
      continuation.finish()
    }
    thread.name = "diffuser-gatt-server \(peer)"
    thread.start()
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) {
    try bearer.send(state.server.withLock { $0.notifications(carrying: bytes) })
  }

  public func close() { bearer.close() }

  deinit { close() }
}

/// The server's state, shared by the transport (notifications) and its reader thread (requests).
private final class ServerState: Sendable {
  let server: Mutex<GATTServer>
  init(_ server: GATTServer) { self.server = Mutex(server) }
}
