import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A connected socket shared by a transport (which sends and closes) and the dedicated thread
/// that reads it.
///
/// The reading thread owns releasing the descriptor: ``shutDown()`` only wakes it, and it
/// calls ``closeAfterReading()`` once it stopped reading. So a late send never writes to a
/// descriptor number the process has since reused for another file.
final class SocketDescriptor: Sendable {
  /// Nil once the reading thread closed it.
  private let state: Mutex<Int32?>

  init(_ fd: Int32) { state = Mutex(fd) }

  /// The descriptor to read from; nil once closed. Only the reading thread closes it, so it
  /// stays valid for that thread after the lock is released.
  var forReading: Int32? { state.withLock { $0 } }

  /// Sends each message whole, all of them before any other thread's: one packet per message
  /// on a packet socket, the bytes in order on a stream socket. `call` names the system call
  /// in the error.
  func send(_ messages: [[UInt8]], call: String) throws(DiffuserError) {
    let failure: DiffuserError? = state.withLock { open in
      guard let fd = open else { return .disconnected }
      for message in messages {
        var offset = 0
        while offset < message.count {
          let written = message[offset...].withUnsafeBytes {
            Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
          }
          if written < 0 {
            if errno == EINTR { continue }
            return DiffuserError.from(errno: errno, call: call)
          }
          offset += written
        }
      }
      return nil
    }
    if let failure { throw failure }
  }

  /// Wakes the reading thread (its read or poll returns), which then calls ``closeAfterReading()``.
  func shutDown() {
    state.withLock { open in
      if let fd = open { _ = shutdown(fd, Int32(SHUT_RDWR)) }
    }
  }

  /// Releases the descriptor; only the reading thread calls it, once it stopped reading.
  func closeAfterReading() {
    state.withLock { open in
      if let fd = open { Foundation.close(fd) }
      open = nil
    }
  }
}
