/// Where the session is, with the data only that part of it has: the one value that says what the engine is doing.
///
/// Combinations that cannot happen have no representation: a trial always has its progress,
/// a seat selection exists only on the join screen, a recording only within a speaker's turn.
/// A pause wraps the stage it interrupts, so whatever was under way comes back unchanged.
/// Transitions that make no sense (pausing twice, pausing the end) stop the program on purpose.
indirect enum SessionStage: Hashable, Sendable {
  /// The title screen, before any pad or key has opened the join screen.
  case lobby
  case joining(JoinScreen)
  case trial(TrialProgress)
  /// The therapist paused: pads and timers wait; what was under way is kept as it was.
  case paused(SessionStage)
  /// The thank-you scene is up; nothing happens any more.
  case ended

  /// The stage the session is in, seen through a pause.
  var underway: SessionStage {
    if case .paused(let inner) = self { inner } else { self }
  }

  var isPaused: Bool {
    if case .paused = self { true } else { false }
  }

  var hasEnded: Bool {
    if case .ended = self { true } else { false }
  }

  /// Stops everything under way until ``resume()``.
  mutating func pause() {
    switch self {
    case .lobby, .joining, .trial: self = .paused(self)
    case .paused, .ended: preconditionFailure("the session cannot be paused while \(self)")
    }
  }

  mutating func resume() {
    guard case .paused(let inner) = self else { preconditionFailure("resumed a session that was not paused") }
    self = inner
  }

  /// The trial under way, paused or not; set it only while there is one.
  var trial: TrialProgress? {
    get {
      switch self {
      case .trial(let progress): progress
      case .paused(let inner): inner.trial
      case .lobby, .joining, .ended: nil
      }
    }
    set {
      guard let newValue else { preconditionFailure("a trial ends by a transition, not by forgetting it") }
      switch self {
      case .trial: self = .trial(newValue)
      case .paused(var inner):
        inner.trial = newValue
        self = .paused(inner)
      case .lobby, .joining, .ended: preconditionFailure("no trial is under way in \(self)")
      }
    }
  }

  /// The join screen, paused or not; set it only while it is up.
  var joinScreen: JoinScreen? {
    get {
      switch self {
      case .joining(let screen): screen
      case .paused(let inner): inner.joinScreen
      case .lobby, .trial, .ended: nil
      }
    }
    set {
      guard let newValue else { preconditionFailure("the join screen closes by a transition, not by forgetting it") }
      switch self {
      case .joining: self = .joining(newValue)
      case .paused(var inner):
        inner.joinScreen = newValue
        self = .paused(inner)
      case .lobby, .trial, .ended: preconditionFailure("the join screen is not up in \(self)")
      }
    }
  }
}
