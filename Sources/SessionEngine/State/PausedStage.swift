/// What a pause can interrupt: anything but a pause or the end.
enum PausedStage: Hashable, Sendable {
  case lobby
  case joining(JoinScreen)
  case trial(TrialProgress)

  /// The stage a pause interrupts; there is no pausing a pause or the end.
  init(_ stage: SessionStage) {
    switch stage {
    case .lobby: self = .lobby
    case .joining(let screen): self = .joining(screen)
    case .trial(let progress): self = .trial(progress)
    case .paused, .ended: preconditionFailure("the session cannot be paused while \(stage)")
    }
  }

  var stage: SessionStage {
    switch self {
    case .lobby: .lobby
    case .joining(let screen): .joining(screen)
    case .trial(let progress): .trial(progress)
    }
  }
}
