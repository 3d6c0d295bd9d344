import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM, kept for whoever reports them: ``Stage/pollEvents()`` while a Stage is
/// open, the session runner while it measures and exports after its Stage closed.
///
/// The session they stop must still stop its scents and save its answers, so they are not left to
/// kill the process; and SDL, which would otherwise catch them, turns them into a closed window,
/// which a session logs as the therapist's own end.
public final class StopSignals: @unchecked Sendable {
  public static let shared = StopSignals()

  private let lock = NSLock()
  private var sources: [any DispatchSourceSignal] = []
  /// The watches not released yet: a Stage's, and a session's that outlives it.
  private var watchers = 0
  private var received: Int32?

  /// Starts catching the two signals, until every watch is released; the first one received is
  /// kept until taken.
  public func watch() {
    lock.withLock {
      watchers += 1
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

  /// Ends one watch. The last gives the signals back their default action, since nothing would
  /// report them any more; a signal kept that nobody took then does what it asked, rather than
  /// being lost.
  public func release() {
    let unreported: Int32? = lock.withLock {
      watchers -= 1
      guard watchers == 0 else { return nil }
      for source in sources { source.cancel() }
      sources = []
      signal(SIGINT, SIG_DFL)
      signal(SIGTERM, SIG_DFL)
      defer { received = nil }
      return received
    }
    if let unreported { raise(unreported) }
  }

  /// The signal received since the last call, if any.
  public func take() -> Int32? {
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
