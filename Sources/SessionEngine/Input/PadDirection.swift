import SessionModel

/// A direction from the D-pad or a stick: the only pad input besides A that does anything.
public enum PadDirection: String, CaseIterable, Hashable, Sendable {
  case up, down, left, right

  public init?(_ button: PadButton) {
    switch button {
    case .up: self = .up
    case .down: self = .down
    case .left: self = .left
    case .right: self = .right
    default: return nil
    }
  }

  /// -1 towards the start of a row of choices, +1 towards its end.
  var step: Int {
    switch self {
    case .up, .left: -1
    case .down, .right: 1
    }
  }
}
