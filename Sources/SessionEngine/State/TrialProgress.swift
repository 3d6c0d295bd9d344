import SessionModel

/// The trial under way and what has happened in it so far.
struct TrialProgress: Hashable, Sendable {
  let index: Int
  let trial: Trial
  var step: TrialStep
  /// Turns given so far; the speaker's turn, if any, is number `turns`.
  var turns = 0
  /// Players who had a turn in this trial.
  var answered: Set<PlayerNumber> = []
  var scentReleased = false
  var gameRestarts = 0

  /// The evocation, while the trial is at that step; set it only then.
  var evocation: Evocation? {
    get {
      if case .evocation(let evocation) = step { evocation } else { nil }
    }
    set {
      guard let newValue, case .evocation = step else {
        preconditionFailure("the evocation is entered and left by a transition, not by assignment")
      }
      step = .evocation(newValue)
    }
  }

  /// The speaker's turn, if someone has the floor.
  var turn: Turn? { evocation?.turn }

  /// Gives `player` the floor as a new turn, out of the queue; returns the turn's number.
  mutating func giveFloor(to player: PlayerNumber) -> Int {
    evocation?.waiting.removeAll { $0 == player }
    evocation?.turn = Turn(speaker: player)
    turns += 1
    answered.insert(player)
    return turns
  }

  /// The speaker's answer the pause cut goes on as a new turn; returns its number.
  mutating func resumeTurn() -> Int {
    evocation?.turn?.redo = 0
    turns += 1
    return turns
  }
}
