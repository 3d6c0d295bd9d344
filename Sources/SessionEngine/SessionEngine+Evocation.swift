import SessionModel

extension SessionEngine {
  mutating func startEvocation() {
    stage.trial?.step = .evocation(Evocation())
    log("evocation.started", trialPayload())
  }

  /// A patient presses A: they join the queue for the floor; the therapist grants it.
  mutating func askForFloor(_ player: PlayerNumber) {
    guard let evocation = stage.trial?.evocation, evocation.turn?.speaker != player,
      !evocation.waiting.contains(player)
    else { return }
    stage.trial?.evocation?.waiting.append(player)
    log("floor.asked", trialPayload(["player": player.description]))
    play(.move)
  }

  /// Gives the floor, ending the current speaker's turn first; records when the session records answers.
  mutating func giveFloor(to player: PlayerNumber, by source: FloorSource, at now: UInt64) {
    guard let evocation = stage.trial?.evocation, evocation.turn?.speaker != player,
      let index = seatIndex(of: player)
    else { return }
    if evocation.turn != nil { endTurn(reason: .floorGiven) }
    guard let turn = stage.trial?.giveFloor(to: player), let trial = stage.trial?.trial else { return }
    log("floor.given", trialPayload(["player": player.description, "turn": String(turn), "by": source.logged]))
    play(.floor)
    guard setup.recordsAnswers else { return }
    startRecording(
      RecordingRequest(trial: trial.id, player: player, participant: seats[index].participant, turn: turn), at: now)
  }

  /// The speaker's turn is over (Space, S, another speaker, the maximum duration): the floor reopens.
  mutating func endTurn(reason: TurnEndReason) {
    guard let progress = stage.trial, let speaker = progress.turn?.speaker else { return }
    stopRecording(reason: .turnEnded(reason))
    log(
      "turn.ended",
      trialPayload(["player": speaker.description, "turn": String(progress.turns), "reason": reason.logged]))
    stage.trial?.evocation?.turn = nil
  }

  /// R with someone speaking: their answer starts again as a new take of the same turn.
  ///
  /// After a failed recording this is also how the therapist tries the recorder again.
  mutating func redoAnswer(at now: UInt64) {
    guard let progress = stage.trial, let turn = progress.turn, let index = seatIndex(of: turn.speaker) else { return }
    let take = turn.redo + 1
    stage.trial?.evocation?.turn?.redo = take
    stopRecording(reason: .redo)
    log(
      "answer.redone",
      trialPayload(["player": turn.speaker.description, "turn": String(progress.turns), "redo": String(take)]))
    guard setup.recordsAnswers else { return }
    startRecording(
      RecordingRequest(
        trial: progress.trial.id, player: turn.speaker, participant: seats[index].participant, turn: progress.turns,
        redo: take),
      at: now)
  }

  /// Space during the evocation: end the turn, or grant the first waiting player, or go on to the next trial.
  mutating func evocationNext(at now: UInt64) {
    guard let evocation = stage.trial?.evocation else { return }
    if evocation.turn != nil {
      endTurn(reason: .next)
    } else if let first = evocation.waiting.first {
      giveFloor(to: first, by: .request, at: now)
    } else {
      nextTrial(reason: .completed, at: now)
    }
  }

  /// The recording that runs now, if any: it belongs to the speaker's turn.
  var recording: ActiveRecording? { stage.trial?.turn?.recording.active }

  /// Records the speaker's answer; only a turn records.
  mutating func startRecording(_ request: RecordingRequest, at now: UInt64) {
    precondition(stage.trial?.turn?.speaker == request.player, "a recording started outside its speaker's turn")
    stopRecording(reason: .replaced)
    stage.trial?.evocation?.turn?.recording = .running(ActiveRecording(request: request, startedAt: now))
    pending.append(.startRecording(request))
    log("recording.started", request.payload)
  }

  mutating func stopRecording(reason: RecordingStopReason) {
    guard let active = recording else { return }
    // A recording the pause cut short is remembered, so that resuming records the speaker again.
    stage.trial?.evocation?.turn?.recording = reason == .pause ? .cutByPause : .off
    pending.append(.stopRecording(active.request))
    var payload = active.request.payload
    payload["reason"] = reason.logged
    log("recording.stopped", payload)
  }

  /// The recorder failed: the take is closed all the same, so every start has its stop, and the therapist is told.
  mutating func recordingDidFail(_ reason: LocalizedText) {
    var payload = trialPayload(["reason": reason.english])
    if let active = recording {
      payload.merge(active.request.payload) { mine, _ in mine }
      stopRecording(reason: .failed)
    }
    log("recording.failed", payload)
    overlays.notice = EngineText.recordingFailed(reason)
  }

  /// Ends an answer gently when it reaches the protocol's maximum; nothing on screen counts down.
  mutating func endLongAnswer(at now: UInt64) {
    guard let active = recording, let seconds = setup.maximumAnswerSeconds,
      now >= active.startedAt + UInt64(seconds) * 1_000_000_000
    else { return }
    endTurn(reason: .maximumDuration)
  }
}
