/// The short, soft sounds that answer a player's press; never an alarm, never a "wrong" buzzer.
public enum FeedbackSound: String, CaseIterable, Sendable {
  /// A pad joined.
  case join
  /// A cursor moved.
  case move
  /// A choice was locked in.
  case confirm
  /// The answer is shown.
  case reveal
  /// Someone has the floor.
  case floor
  /// The session ends.
  case end

  /// The notes of the generated chime, in hertz, played one after the other.
  var notes: [Double] {
    switch self {
    case .join: [523.25, 659.25]
    case .move: [440]
    case .confirm: [587.33, 783.99]
    case .reveal: [523.25, 659.25, 783.99]
    case .floor: [659.25, 523.25]
    case .end: [783.99, 659.25, 523.25]
    }
  }
}
