import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A listening socket (Unix, TCP or RFCOMM) that hands out connected transports.
public final class SocketListener: Sendable {
  /// Where a client connects, e.g. `unix:/tmp/d.sock` or `tcp:127.0.0.1:40123`.
  public let address: String
  private let descriptor: Mutex<Int32?>

  init(listeningSocket fd: Int32, address: String) {
    self.address = address
    descriptor = Mutex(fd)
  }

  /// Blocks until a client connects; call it from a dedicated thread.
  func accept() throws(DiffuserError) -> StreamSocketTransport {
    guard let fd = descriptor.withLock({ $0 }) else { throw .closed }
    while true {
      let client = Foundation.accept(fd, nil, nil)
      if client >= 0 { return StreamSocketTransport(connectedSocket: client, peer: "client of \(address)") }
      if errno == EINTR { continue }
      let code = errno
      throw descriptor.withLock { $0 } == nil ? .closed : .from(errno: code, call: "accept")
    }
  }

  public func close() {
    descriptor.withLock { open in
      if let fd = open {
        _ = shutdown(fd, Int32(SHUT_RDWR))  // wakes a thread blocked in accept
        Foundation.close(fd)
      }
      open = nil
    }
  }

  deinit { close() }
}
