import SessionModel

extension RecordingRequest {
  /// The request as the `recording.*` events carry it.
  public var take: AnswerTake {
    AnswerTake(trial: trial, player: player, participant: participant, turn: turn, redo: redo)
  }

  /// The request a `recording.*` event names, as recovery reads it back after a crash; a log
  /// older than redos counts its take as the first.
  public init(_ take: AnswerTake) {
    self.init(
      trial: take.trial, player: take.player, participant: take.participant, turn: take.turn, redo: take.redo ?? 0)
  }
}
