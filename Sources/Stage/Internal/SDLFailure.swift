internal import CSDL2
import SessionModel

/// Turns SDL's last error into a ``StageError`` with words for the user.
enum SDLFailure {
  static var lastError: String { String(cString: SDL_GetError()) }

  static func error(_ message: LocalizedText) -> StageError {
    StageError(message, detail: lastError)
  }
}
