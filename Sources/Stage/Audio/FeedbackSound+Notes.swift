import SessionModel

extension FeedbackSound {
  /// The notes of the generated chime, in hertz, played one after the other: rising for a
  /// welcome or a kept choice, falling to close, never a "wrong" buzzer.
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
