internal import CSDL2
import SessionModel

/// The therapist's keys. Digits are read by position (scancode) so they work on an AZERTY keyboard
/// without Shift; letters by the character printed on the key.
enum KeyboardMap {
  static func action(keycode: Int32, scancode: Int) -> OperatorAction? {
    if let digit = digit(scancode: scancode) {
      return PlayerNumber(rawValue: digit == 0 ? 10 : digit).map { .giveFloor(to: $0) }
    }
    switch keycode {
    case Int32(SDLK_SPACE.rawValue): return .next
    case Int32(SDLK_p.rawValue): return .pause
    case Int32(SDLK_s.rawValue): return .skip
    case Int32(SDLK_r.rawValue): return .redo
    case Int32(SDLK_ESCAPE.rawValue): return .end
    case Int32(SDLK_RETURN.rawValue), Int32(SDLK_KP_ENTER.rawValue): return .confirm
    case Int32(SDLK_BACKSPACE.rawValue): return .cancel
    case Int32(SDLK_h.rawValue): return .toggleHelp
    default: return nil
    }
  }

  /// The arrow keys, held down to repeat, for the therapist's screens.
  static func navigation(keycode: Int32) -> NavigationKey? {
    switch keycode {
    case Int32(SDLK_UP.rawValue): .up
    case Int32(SDLK_DOWN.rawValue): .down
    case Int32(SDLK_LEFT.rawValue): .left
    case Int32(SDLK_RIGHT.rawValue): .right
    default: nil
    }
  }

  static func key(for navigation: NavigationKey) -> SyntheticKey {
    switch navigation {
    case .up: .arrow(SDLK_UP, SDL_SCANCODE_UP)
    case .down: .arrow(SDLK_DOWN, SDL_SCANCODE_DOWN)
    case .left: .arrow(SDLK_LEFT, SDL_SCANCODE_LEFT)
    case .right: .arrow(SDLK_RIGHT, SDL_SCANCODE_RIGHT)
    }
  }

  /// 1…9 and 0 on the top row or the keypad.
  private static func digit(scancode: Int) -> Int? {
    let topOne = Int(SDL_SCANCODE_1.rawValue)
    let padOne = Int(SDL_SCANCODE_KP_1.rawValue)
    switch scancode {
    case topOne..<(topOne + 9): return scancode - topOne + 1
    case Int(SDL_SCANCODE_0.rawValue), Int(SDL_SCANCODE_KP_0.rawValue): return 0
    case padOne..<(padOne + 9): return scancode - padOne + 1
    default: return nil
    }
  }

  /// The key that asks for `action`, on any keyboard layout.
  static func key(for action: OperatorAction) -> SyntheticKey {
    switch action {
    case .next: .space
    case .pause: .letter("p")
    case .skip: .letter("s")
    case .redo: .letter("r")
    case .giveFloor(let player): .topRowDigit(player.rawValue % 10)
    case .end: .escape
    case .confirm: .enter
    case .cancel: .backspace
    case .toggleHelp: .letter("h")
    }
  }
}
