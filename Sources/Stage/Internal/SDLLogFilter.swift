internal import CSDL2
import Glibc

/// Keeps SDL's own notices about a driver chosen on purpose off the therapist's terminal.
///
/// The disk audio driver announces itself as CRITICAL on every open ("You are using the SDL disk
/// i/o audio driver!", "Reading from file […]"): alarming and useless when the demo chose it.
/// Every other SDL message still reaches standard error.
enum SDLLogFilter {
  private static let expectedNotices = ["disk i/o audio driver", "Reading from file", "Writing to file"]

  static func install() {
    SDL_LogSetOutputFunction(
      { _, _, _, message in
        guard let message else { return }
        let text = String(cString: message)
        if SDLLogFilter.expectedNotices.contains(where: text.contains) { return }
        let line = "SDL: \(text)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
      }, nil)
  }
}
