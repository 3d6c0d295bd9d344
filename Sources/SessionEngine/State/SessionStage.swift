/// Where the session is, with the data only that part of it has: the one value that says what the engine is doing.
///
/// Combinations that cannot happen have no representation: a trial always has its progress,
/// a seat selection exists only on the join screen, a recording only within a speaker's turn,
/// and a pause holds the stage it interrupted, which is never a pause or the end.
/// Transitions that make no sense (updating a trial when none is under way) stop the program on purpose.
enum SessionStage: Hashable, Sendable {
  /// The title screen, before any pad or key has opened the join screen.
  case lobby
  case joining(JoinScreen)
  case trial(TrialProgress)
  /// The therapist paused: pads and timers wait; what was under way is kept as it was.
  case paused(PausedStage)
  /// The thank-you scene is up; nothing happens any more.
  case ended

  /// The stage the session is in, seen through a pause.
  var underway: SessionStage {
    if case .paused(let interrupted) = self { interrupted.stage } else { self }
  }

  var isPaused: Bool {
    if case .paused = self { true } else { false }
  }

  var hasEnded: Bool {
    if case .ended = self { true } else { false }
  }

  /// Stops everything under way until ``resume()``; the engine pauses only what is running.
  mutating func pause() {
    self = .paused(PausedStage(self))
  }

  mutating func resume() {
    guard case .paused(let interrupted) = self else { preconditionFailure("resumed a session that was not paused") }
    self = interrupted.stage
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
    guard case .paused(let interrupted) = self else { return change(&self) }
    var stage = interrupted.stage
    change(&stage)
    self = .paused(PausedStage(stage))
  }
}
