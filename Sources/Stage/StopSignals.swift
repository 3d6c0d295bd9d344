import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM while a Stage is open, kept for ``Stage/pollEvents()`` to report.
///
/// The session they stop must still stop its scents and save its answers, so they are not left to
/// kill the process; and SDL, which would otherwise catch them, turns them into a closed window,
/// which a session logs as the therapist's own end.
final class StopSignals: @unchecked Sendable {
  static let shared = StopSignals()

  private let lock = NSLock()
  private var sources: [any DispatchSourceSignal] = []
  private var received: Int32?

  /// Starts catching the two signals; the first one received is kept until taken.
  func watch() {
    lock.withLock {
      guard sources.isEmpty else { return }
      sources = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { StopSignals.shared.keep(number) }
        source.resume()
        return source
      }
    }
  }

  /// Gives the signals back their default action: with no Stage open, nothing would report them.
  func release() {
    lock.withLock {
      for source in sources { source.cancel() }
      sources = []
      signal(SIGINT, SIG_DFL)
      signal(SIGTERM, SIG_DFL)
    }
  }

  /// The signal received since the last call, if any.
  func take() -> Int32? {
    lock.withLock {
      defer { received = nil }
      return received
    }
  }

  private func keep(_ number: Int32) {
    lock.withLock {
      if received == nil { received = number }
    }
  }
}
