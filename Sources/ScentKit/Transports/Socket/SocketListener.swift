import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A listening socket (Unix, TCP, RFCOMM or L2CAP LE) that hands out connected transports.
public final class SocketListener: Sendable {
  /// Where a client connects, e.g. `unix:/tmp/d.sock` or `tcp:127.0.0.1:40123`.
  public let address: String
  private let descriptor: Mutex<Int32?>
  private let makeTransport: @Sendable (Int32, String) -> any DiffuserTransport
  /// The socket file of a Unix listener and its inode, removed on close so that nothing is left in
  /// the folder (unless another listener has since taken the path).
  private let socketFile: (path: String, inode: ino_t)?

  /// `makeTransport` wraps each accepted socket: a byte stream, or a GATT server for BLE.
  init(
    listeningSocket fd: Int32, address: String, socketFile: String? = nil,
    makeTransport: @escaping @Sendable (Int32, String) -> any DiffuserTransport = {
      StreamSocketTransport(connectedSocket: $0, peer: $1)
    }
  ) {
    self.address = address
    var status = stat()
    self.socketFile = socketFile.flatMap { lstat($0, &status) == 0 ? ($0, status.st_ino) : nil }
    descriptor = Mutex(fd)
    self.makeTransport = makeTransport
  }

  /// Blocks until a client connects; call it from a dedicated thread.
  func accept() throws(DiffuserError) -> any DiffuserTransport {
    guard let fd = descriptor.withLock({ $0 }) else { throw .closed }
    while true {
      let client = Foundation.accept(fd, nil, nil)
      if client >= 0 { return makeTransport(client, "client of \(address)") }
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
        var status = stat()
        if let socketFile, lstat(socketFile.path, &status) == 0, status.st_ino == socketFile.inode {
          unlink(socketFile.path)
        }
      }
      open = nil
    }
  }

  deinit { close() }
}
