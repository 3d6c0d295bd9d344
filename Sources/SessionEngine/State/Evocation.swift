import SessionModel

/// The evocation step of a trial: who has the floor and who is waiting for it.
struct Evocation: Hashable, Sendable {
  var turn: Turn?
  /// Players who asked for the floor, first come first; the speaker is never among them.
  var waiting: [PlayerNumber] = []
}

/// One speaker's turn: their takes and the recording of the current one.
struct Turn: Hashable, Sendable {
  let speaker: PlayerNumber
  /// Takes redone in this turn; 0 for the first take.
  var redo = 0
  var recording = TurnRecording.off
}

/// The recording of a turn's answer: there is never more than one, and only within a turn.
enum TurnRecording: Hashable, Sendable {
  /// Nothing records: the session records no answers, or the recorder failed or was stopped.
  case off
  case running(ActiveRecording)
  /// The pause stopped it; resuming starts it again as a new turn.
  case cutByPause

  var active: ActiveRecording? {
    if case .running(let active) = self { active } else { nil }
  }
}
