import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A connected socket that keeps packet boundaries (an L2CAP LE socket on the ATT channel,
/// or an `AF_UNIX SOCK_SEQPACKET` socket for the simulator and tests): one packet, one PDU.
///
/// Like ``StreamSocketTransport``, the thread that reads owns closing the ``SocketDescriptor``.
final class ATTBearer: Sendable {
  /// Larger than any PDU: the MTU is at most 517.
  static let receiveBufferSize = 1024
  private let descriptor: SocketDescriptor

  init(_ fd: Int32) { descriptor = SocketDescriptor(fd) }

  /// Sends each PDU as its own packet, all of them before any other thread's.
  func send(_ pdus: [ATTPDU]) throws(DiffuserError) {
    try descriptor.send(pdus.map { $0.encoded() }, call: "send(ATT)")
  }

  func send(_ pdu: ATTPDU) throws(DiffuserError) { try send([pdu]) }

  /// The next packet; nil when `timeoutMilliseconds` (−1: forever) passes first.
  /// Throws ``DiffuserError/disconnected`` when the peer went away or ``close()`` was called.
  func receive(timeoutMilliseconds: Int32 = -1) throws(DiffuserError) -> [UInt8]? {
    guard let fd = descriptor.forReading else { throw .disconnected }
    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&poller, 1, timeoutMilliseconds)
      if ready == 0 { return nil }
      if ready > 0 { break }
      if errno != EINTR { throw .from(errno: errno, call: "poll(ATT)") }
    }
    var buffer = [UInt8](repeating: 0, count: Self.receiveBufferSize)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 { return Array(buffer[0..<count]) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 && errno != ECONNRESET && errno != ENOTCONN { throw .from(errno: errno, call: "recv(ATT)") }
      throw .disconnected
    }
  }

  /// Answers a packet the peer sent unasked, as a host that serves no attributes must: a
  /// confirmation for an indication, an error for any other request ("invalid PDU" when it
  /// does not decode, "request not supported" when it does), nothing for the rest.
  /// `pdu` is `bytes` decoded, nil when they do not decode.
  func respond(toUnasked bytes: [UInt8], decoded pdu: ATTPDU?) throws(DiffuserError) {
    switch pdu {
    case nil:
      if let refusal = GATTServer.answer(toUndecodable: bytes) { try send(refusal) }
    case .handleValueIndication?:
      try send(.handleValueConfirmation)
    case let pdu? where pdu.expectsResponse:
      try send(.errorResponse(request: pdu.opcode, handle: 0, code: .requestNotSupported))
    case _?:
      break
    }
  }

  /// Wakes a thread blocked in ``receive(timeoutMilliseconds:)``; it then calls ``closeDescriptor()``.
  func close() { descriptor.shutDown() }

  /// Releases the descriptor; only the reading thread calls it, once it stopped reading.
  func closeDescriptor() { descriptor.closeAfterReading() }
}
