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
///
/// The signals are caught from the first watch until the process ends, and one that comes while
/// nothing watches does its default action from here: the process dies by it, as if never caught.
/// Catching them again after a last release would not work: on Linux libdispatch installs its
/// signal handler once per signal, so a source made after the default action was put back over
/// it never fires, and a second Stage or session in the same process lost its stop.
public final class StopSignals: @unchecked Sendable {
  public static let shared = StopSignals()

  private let lock = NSLock()
  /// Made at the first watch and never cancelled, for the reason above.
  private var sources: [any DispatchSourceSignal] = []
  /// The watches not released yet: a Stage's, and a session's that outlives it.
  private var watchers = 0
  private var received: Int32?

  /// Starts catching the two signals, until every watch is released; the first one received is
  /// kept until taken. Once this returns, a signal is caught: the first watch waits for the
  /// system to have the handler (a moment), so a stop sent just after a Stage opened is not lost.
  public func watch() {
    lock.withLock {
      watchers += 1
      guard sources.isEmpty else { return }
      let registered = DispatchGroup()
      sources = [SIGINT, SIGTERM].map { number in
        // So that the signal never kills the process between here and libdispatch's handler.
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { StopSignals.shared.keep(number) }
        registered.enter()
        source.setRegistrationHandler { registered.leave() }
        source.resume()
        return source
      }
      _ = registered.wait(timeout: .now() + 2)
    }
  }

  /// Ends one watch. After the last, a signal does its default action again, since nothing would
  /// report it any more; a signal kept that nobody took then does what it asked, rather than
  /// being lost.
  public func release() {
    let unreported: Int32? = lock.withLock {
      watchers -= 1
      guard watchers == 0 else { return nil }
      defer { received = nil }
      return received
    }
    if let unreported { Self.doDefaultAction(of: unreported) }
  }

  /// The signal received since the last call, if any.
  public func take() -> Int32? {
    lock.withLock {
      defer { received = nil }
      return received
    }
  }

  private func keep(_ number: Int32) {
    let isWatched = lock.withLock {
      guard watchers > 0 else { return false }
      if received == nil { received = number }
      return true
    }
    if !isWatched { Self.doDefaultAction(of: number) }
  }

  /// Ends the process by `number`, as the signal would have without a handler: its exit status
  /// tells the parent (a shell, systemd) which signal stopped it. The signal is unblocked first,
  /// since libdispatch blocks it in the threads its handler ran on, the calling one among them.
  private static func doDefaultAction(of number: Int32) {
    signal(number, SIG_DFL)
    var only = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, number)
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(number)
  }
}
