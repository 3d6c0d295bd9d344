import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Stops every channel when the process gets SIGINT or SIGTERM, then exits (130 or 143).
///
/// Keep the value alive for as long as the diffuser is in use. A crash or SIGKILL cannot
/// be caught: then the device's watchdog stops everything after its timeout.
public final class StopAllOnSignal {
  private let sources: [any DispatchSourceSignal]

  public init(_ diffuser: Diffuser) {
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Task {
          await diffuser.shutdown()
          exit(128 + number)
        }
      }
      source.resume()
      return source
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }
}
