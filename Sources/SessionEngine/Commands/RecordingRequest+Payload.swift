import SessionModel

extension RecordingRequest {
  /// The request as the `recording.*` events carry it.
  public var payload: [String: String] {
    var payload = [
      "trial": trial.rawValue, "player": player.description, "turn": String(turn), "redo": String(redo),
    ]
    payload["participant"] = participant?.rawValue
    return payload
  }

  /// Reads back a request from a `recording.*` event's payload, as recovery does after a crash;
  /// nil when a field it needs is missing.
  public init?(payload: [String: String]) {
    guard let trial = payload["trial"].map({ TrialID($0) }),
      let player = payload["player"].flatMap(Int.init).flatMap(PlayerNumber.init(rawValue:)),
      let turn = payload["turn"].flatMap(Int.init)
    else { return nil }
    self.init(
      trial: trial, player: player, participant: payload["participant"].flatMap(ParticipantCode.init(rawValue:)),
      turn: turn, redo: payload["redo"].flatMap(Int.init) ?? 0)
  }
}
