import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A byte stream over a terminal device: a USB serial adapter (`/dev/ttyUSB0`) or either end of
/// a pseudo-terminal pair. A dedicated thread polls it (a terminal has no `shutdown` to wake a
/// blocked read), so ``close()`` takes effect within a tenth of a second.
public final class TerminalTransport: DiffuserTransport {
  public let peer: String
  public let incoming: AsyncStream<[UInt8]>
  private let descriptor: TerminalDescriptor

  /// Opens `path` raw, 8 data bits, no parity, 1 stop bit, at `baudRate` (19200 for Scentrealm).
  public static func open(path: String, baudRate: speed_t = speed_t(B19200)) throws(DiffuserError) -> TerminalTransport
  {
    let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw .from(errno: errno, call: "open") }
    var settings = termios()
    guard tcgetattr(fd, &settings) == 0 else {
      let code = errno
      Glibc.close(fd)
      throw .system(call: "tcgetattr", errno: code)
    }
    cfmakeraw(&settings)
    settings.c_cflag &= ~(tcflag_t(CSTOPB) | tcflag_t(PARENB) | tcflag_t(CRTSCTS))
    settings.c_cflag |= tcflag_t(CS8) | tcflag_t(CLOCAL) | tcflag_t(CREAD)
    cfsetispeed(&settings, baudRate)
    cfsetospeed(&settings, baudRate)
    guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
      let code = errno
      Glibc.close(fd)
      throw .system(call: "tcsetattr", errno: code)
    }
    return TerminalTransport(descriptor: fd, peer: path)
  }

  /// Takes ownership of an open terminal descriptor (e.g. a pseudo-terminal master).
  public init(descriptor fd: Int32, peer: String) {
    self.peer = peer
    let descriptor = TerminalDescriptor(fd)
    self.descriptor = descriptor
    let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
    incoming = stream
    let thread = Thread {
      var chunk = [UInt8](repeating: 0, count: 512)
      while let fd = descriptor.forReading {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 100)
        guard ready > 0 else {
          if ready < 0 && errno != EINTR { break }
          continue
        }
        // Closed while polling: the bytes belong to whoever opens the line next.
        guard descriptor.forReading != nil else { break }
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
          continuation.yield(Array(chunk[0..<count]))
        } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
          continue
        } else {
          break
        }
      }
      descriptor.closeAfterReading()
      continuation.finish()
    }
    thread.name = "terminal-reader \(peer)"
    thread.start()
  }

  public func send(_ bytes: [UInt8]) throws(DiffuserError) { try descriptor.write(bytes) }

  /// The reading thread sees it within one poll period and releases the descriptor.
  public func close() { descriptor.stop() }

  deinit { close() }
}

/// A terminal descriptor shared by the transport (writes, asks to stop) and its reading thread
/// (the only one that closes it, so a late write never reaches a reused descriptor number).
final class TerminalDescriptor: Sendable {
  private let state: Mutex<(fd: Int32?, stopping: Bool)>

  init(_ fd: Int32) { state = Mutex((fd, false)) }

  var forReading: Int32? { state.withLock { $0.stopping ? nil : $0.fd } }

  func stop() { state.withLock { $0.stopping = true } }

  func write(_ bytes: [UInt8]) throws(DiffuserError) {
    let failure: DiffuserError? = state.withLock { open in
      guard let fd = open.fd, !open.stopping else { return .disconnected }
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          return .from(errno: errno, call: "write")
        }
        offset += written
      }
      return nil
    }
    if let failure { throw failure }
  }

  func closeAfterReading() {
    state.withLock { open in
      if let fd = open.fd { Glibc.close(fd) }
      open.fd = nil
    }
  }
}
