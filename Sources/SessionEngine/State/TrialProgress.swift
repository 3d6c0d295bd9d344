import SessionModel

/// The trial under way and what has happened in it so far.
struct TrialProgress: Hashable, Sendable {
  let index: Int
  let trial: Trial
  var step: TrialStep
  /// Turns given so far; the next one is `turns + 1`.
  var turns = 0
  var speaker: PlayerNumber?
  /// Takes redone in the current turn; 0 for the first take.
  var redo = 0
  var waiting: [PlayerNumber] = []
  /// Players who had a turn in this trial.
  var answered: Set<PlayerNumber> = []
  var scentReleased = false
  var gameRestarts = 0
}
