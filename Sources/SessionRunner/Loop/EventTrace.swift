import Foundation
import SessionModel

/// A line per event handed to the journal, written before the event is queued, for tests that kill
/// a session and must know what it had logged (`CONNECTAGE_EVENT_TRACE=<file>`).
///
/// Each line is one `write(2)` to a file opened for appending, so it survives the process being
/// killed the next instant: the trace minus the database is what a crash lost. It holds the session,
/// the monotonic time and the event type, never a payload (payloads name participants).
final class EventTrace: Sendable {
  private let descriptor: Int32

  /// The trace the environment asks for, or nil.
  static func fromEnvironment() -> EventTrace? {
    guard let path = ProcessInfo.processInfo.environment["CONNECTAGE_EVENT_TRACE"], !path.isEmpty else { return nil }
    return EventTrace(path: path)
  }

  init?(path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// `<session>\t<monotonic ns>\t<type>\n`, in one write.
  func note(_ event: SessionEvent) {
    let line = Array("\(event.session.rawValue)\t\(event.monotonicNanoseconds)\t\(event.type.rawValue)\n".utf8)
    _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}
