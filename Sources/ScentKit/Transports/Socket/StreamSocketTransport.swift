import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A ``DiffuserTransport`` over any connected stream socket: Unix, TCP or RFCOMM.
///
/// A dedicated thread blocks in `read`, so a slow link never holds one of the few
/// threads of Swift's cooperative pool. The reader thread owns closing the
/// ``SocketDescriptor``.
public final class StreamSocketTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  private let descriptor: SocketDescriptor

  /// Takes ownership of a connected socket.
  public init(connectedSocket fd: Int32, peer: String) {
    self.peer = peer
    descriptor = SocketDescriptor(fd)
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
      descriptor.closeAfterReading()
      continuation.finish()
    }
    thread.name = "diffuser-reader \(peer)"
    thread.start()
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) {
    try descriptor.send([bytes], call: "send")
  }

  public func close() { descriptor.shutDown() }

  deinit { close() }
}
