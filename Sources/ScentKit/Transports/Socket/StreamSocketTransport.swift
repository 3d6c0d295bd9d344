import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A ``DiffuserTransport`` over any connected stream socket: Unix, TCP or RFCOMM.
///
/// A dedicated thread blocks in `read`, so a slow link never holds one of the few
/// threads of Swift's cooperative pool. The reader thread owns closing the descriptor,
/// so a late `send` can never write to a reused descriptor number.
public final class StreamSocketTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  private let descriptor: SharedDescriptor

  /// Takes ownership of a connected socket.
  public init(connectedSocket fd: Int32, peer: String) {
    self.peer = peer
    descriptor = SharedDescriptor(fd)
    let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
    incoming = stream
    let thread = Thread { [descriptor] in
      var chunk = [UInt8](repeating: 0, count: 1024)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
          continuation.yield(Array(chunk[0..<count]))
        } else if count < 0 && errno == EINTR {
          continue
        } else {
          break
        }
      }
      descriptor.state.withLock { open in
        if open != nil { Foundation.close(fd) }
        open = nil
      }
      continuation.finish()
    }
    thread.name = "diffuser-reader \(peer)"
    thread.start()
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) {
    let failure: DiffuserError? = descriptor.state.withLock { open in
      guard let fd = open else { return .disconnected }
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes {
          Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        if written < 0 {
          if errno == EINTR { continue }
          return DiffuserError.from(errno: errno, call: "send")
        }
        offset += written
      }
      return nil
    }
    if let failure { throw failure }
  }

  public func close() {
    // shutdown wakes the reader thread, which then closes the descriptor.
    descriptor.state.withLock { open in
      if let fd = open { _ = shutdown(fd, Int32(SHUT_RDWR)) }
    }
  }

  deinit { close() }
}

/// The descriptor, shared by the transport and its reader thread; nil once closed.
private final class SharedDescriptor: Sendable {
  let state: Mutex<Int32?>
  init(_ fd: Int32) { state = Mutex(fd) }
}
