internal import CSDL2

/// A key press pushed into SDL's own event queue, read back by ``Stage/pollEvents()`` like a real one.
/// The tour uses it to act as the therapist; tests use it to check the keyboard map end to end.
struct SyntheticKey: Hashable, Sendable {
  var keycode: Int32
  var scancode: Int

  static let space = SyntheticKey(keycode: Int32(SDLK_SPACE.rawValue), scancode: Int(SDL_SCANCODE_SPACE.rawValue))
  static let escape = SyntheticKey(keycode: Int32(SDLK_ESCAPE.rawValue), scancode: Int(SDL_SCANCODE_ESCAPE.rawValue))
  static let enter = SyntheticKey(keycode: Int32(SDLK_RETURN.rawValue), scancode: Int(SDL_SCANCODE_RETURN.rawValue))
  static let keypadEnter = SyntheticKey(
    keycode: Int32(SDLK_KP_ENTER.rawValue), scancode: Int(SDL_SCANCODE_KP_ENTER.rawValue))
  static let backspace = SyntheticKey(
    keycode: Int32(SDLK_BACKSPACE.rawValue), scancode: Int(SDL_SCANCODE_BACKSPACE.rawValue))

  static func arrow(_ keycode: SDL_KeyCode, _ scancode: SDL_Scancode) -> SyntheticKey {
    SyntheticKey(keycode: Int32(keycode.rawValue), scancode: Int(scancode.rawValue))
  }

  /// A letter key as printed on it (lowercase a…z).
  static func letter(_ letter: Character) -> SyntheticKey {
    let offset = Int(letter.asciiValue ?? 97) - 97
    return SyntheticKey(keycode: Int32(letter.asciiValue ?? 97), scancode: Int(SDL_SCANCODE_A.rawValue) + offset)
  }

  /// A digit on the top row of a QWERTY keyboard.
  static func topRowDigit(_ digit: Int) -> SyntheticKey {
    SyntheticKey(
      keycode: Int32(48 + digit), scancode: digitScancode(digit, first: SDL_SCANCODE_1, zero: SDL_SCANCODE_0))
  }

  /// The same key on an AZERTY keyboard, where it types & é " ' ( - è _ ç à without Shift.
  static func azertyTopRowDigit(_ digit: Int) -> SyntheticKey {
    let unshifted: [Character] = ["à", "&", "é", "\"", "'", "(", "-", "è", "_", "ç"]
    let keycode = Int32(unshifted[digit].unicodeScalars.first!.value)
    return SyntheticKey(keycode: keycode, scancode: digitScancode(digit, first: SDL_SCANCODE_1, zero: SDL_SCANCODE_0))
  }

  static func keypadDigit(_ digit: Int) -> SyntheticKey {
    SyntheticKey(
      keycode: Int32(48 + digit), scancode: digitScancode(digit, first: SDL_SCANCODE_KP_1, zero: SDL_SCANCODE_KP_0))
  }

  private static func digitScancode(_ digit: Int, first: SDL_Scancode, zero: SDL_Scancode) -> Int {
    digit == 0 ? Int(zero.rawValue) : Int(first.rawValue) + digit - 1
  }

  /// Pushes the key down and up.
  func push() {
    for type in [SDL_KEYDOWN, SDL_KEYUP] {
      var event = SDL_Event()
      event.key.type = type.rawValue
      event.key.state = UInt8(type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED)
      event.key.keysym.sym = keycode
      event.key.keysym.scancode = SDL_Scancode(rawValue: UInt32(scancode))
      event.key.timestamp = SDL_GetTicks()
      SDL_PushEvent(&event)
    }
  }
}
