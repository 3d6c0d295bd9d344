/// What the therapist asks for from the keyboard.
public enum OperatorAction: Hashable, Sendable, Codable {
  /// Space: go on to what comes next.
  case next
  /// P: pause or resume.
  case pause
  /// S: skip the current step.
  case skip
  /// R: do the current step again.
  case redo
  /// 1…9, 0: give the floor to player 1…10.
  case giveFloor(to: PlayerNumber)
  /// Esc: end the session; the engine asks for ``confirm`` first.
  case end
  /// Enter: confirm the question on screen.
  case confirm
  /// Backspace: dismiss the question on screen.
  case cancel
  /// H: show or hide the keyboard help.
  case toggleHelp
}

/// A player's seat at the screen, 1 to 10, shown next to their avatar.
public struct PlayerNumber: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible
{
  public static let all = (1...10).map { PlayerNumber(rawValue: $0)! }
  public let rawValue: Int
  public init?(rawValue: Int) {
    guard (1...10).contains(rawValue) else { return nil }
    self.rawValue = rawValue
  }
  public var description: String { "\(rawValue)" }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
