import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A connected socket that keeps packet boundaries (an L2CAP LE socket on the ATT channel,
/// or an `AF_UNIX SOCK_SEQPACKET` socket for the simulator and tests): one packet, one PDU.
///
/// Like ``StreamSocketTransport``, the thread that reads owns closing the descriptor, so a
/// late send never writes to a reused descriptor number.
final class ATTBearer: Sendable {
  /// Larger than any PDU: the MTU is at most 517.
  static let receiveBufferSize = 1024
  private let state: Mutex<Int32?>

  init(_ fd: Int32) { state = Mutex(fd) }

  /// Sends each PDU as its own packet, all of them before any other thread's.
  func send(_ pdus: [ATTPDU]) throws(DiffuserError) {
    let failure: DiffuserError? = state.withLock { open in
      guard let fd = open else { return .disconnected }
      for pdu in pdus {
        let bytes = pdu.encoded()
        while true {
          let written = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
          if written >= 0 { break }
          if errno == EINTR { continue }
          return DiffuserError.from(errno: errno, call: "send(ATT)")
        }
      }
      return nil
    }
    if let failure { throw failure }
  }

  func send(_ pdu: ATTPDU) throws(DiffuserError) { try send([pdu]) }

  /// The next packet; nil when `timeoutMilliseconds` (−1: forever) passes first.
  /// Throws ``DiffuserError/disconnected`` when the peer went away or ``close()`` was called.
  func receive(timeoutMilliseconds: Int32 = -1) throws(DiffuserError) -> [UInt8]? {
    guard let fd = state.withLock({ $0 }) else { throw .disconnected }
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

  /// Wakes a thread blocked in ``receive(timeoutMilliseconds:)``; it then calls ``closeDescriptor()``.
  func close() {
    state.withLock { open in
      if let fd = open { _ = shutdown(fd, Int32(SHUT_RDWR)) }
    }
  }

  /// Releases the descriptor; only the reading thread calls it, once it stopped reading.
  func closeDescriptor() {
    state.withLock { open in
      if let fd = open { Foundation.close(fd) }
      open = nil
    }
  }
}
