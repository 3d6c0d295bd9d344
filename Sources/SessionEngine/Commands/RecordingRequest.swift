import SessionModel

/// Which answer a recording holds: one speaker's turn in one trial.
public struct RecordingRequest: Hashable, Sendable {
  public var trial: TrialID
  public var player: PlayerNumber
  /// The participant in that seat, when the session expects participants.
  public var participant: ParticipantCode?
  /// Turns count from 1 in each trial; a resumed pause starts a new turn.
  public var turn: Int
  /// 0 for the first take; each redo (R) of the same turn adds one.
  public var redo: Int

  public init(trial: TrialID, player: PlayerNumber, participant: ParticipantCode?, turn: Int, redo: Int = 0) {
    self.trial = trial
    self.player = player
    self.participant = participant
    self.turn = turn
    self.redo = redo
  }
}
