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
      if case .trial(let progress) = underway { progress } else { nil }
    }
    set {
      updateUnderway { stage in
        guard case .trial = stage, let newValue else { preconditionFailure("no trial to update in \(stage)") }
        stage = .trial(newValue)
      }
    }
  }

  /// The join screen, paused or not; set it only while it is up.
  var joinScreen: JoinScreen? {
    get {
      if case .joining(let screen) = underway { screen } else { nil }
    }
    set {
      updateUnderway { stage in
        guard case .joining = stage, let newValue else { preconditionFailure("no join screen to update in \(stage)") }
        stage = .joining(newValue)
      }
    }
  }

  /// Changes the stage under way, behind the pause if there is one, which stays.
  private mutating func updateUnderway(_ change: (inout SessionStage) -> Void) {
    guard case .paused(var inner) = self else { return change(&self) }
    change(&inner)
    self = .paused(inner)
  }
}
