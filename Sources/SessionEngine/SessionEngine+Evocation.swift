import SessionModel

extension SessionEngine {
  mutating func startEvocation() {
    stage.trial?.step = .evocation(Evocation())
    log(.trial(.evocationStarted(trialTag)))
  }

  /// A patient presses A: they join the queue for the floor; the therapist grants it.
  mutating func askForFloor(_ player: PlayerNumber) {
    guard let evocation = stage.trial?.evocation, evocation.turn?.speaker != player,
      !evocation.waiting.contains(player)
    else { return }
    stage.trial?.evocation?.waiting.append(player)
    log(.trial(.floorAsked(trialTag, player: player)))
    play(.move)
  }

  /// Gives the floor, ending the current speaker's turn first; records when the session records answers.
  mutating func giveFloor(to player: PlayerNumber, by source: FloorSource, at now: UInt64) {
    guard let evocation = stage.trial?.evocation, evocation.turn?.speaker != player,
      let index = seatIndex(of: player)
    else { return }
    if evocation.turn != nil { endTurn(reason: .floorGiven) }
    guard let turn = stage.trial?.giveFloor(to: player), let trial = stage.trial?.trial else { return }
    log(.trial(.floorGiven(trialTag, player: player, turn: turn, by: source)))
    play(.floor)
    guard setup.recordsAnswers else { return }
    startRecording(
      RecordingRequest(trial: trial.id, player: player, participant: seats[index].participant, turn: turn), at: now)
  }

  /// The speaker's turn is over (Space, S, another speaker, the maximum duration): the floor reopens.
  mutating func endTurn(reason: TurnEndReason) {
    guard let progress = stage.trial, let speaker = progress.turn?.speaker else { return }
    stopRecording(reason: .turnEnded(reason))
    log(.trial(.turnEnded(trialTag, player: speaker, turn: progress.turns, reason: reason.stored)))
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
    log(.trial(.answerRedone(trialTag, player: turn.speaker, turn: progress.turns, redo: take)))
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
    log(.recording(.started(request.take)))
  }

  mutating func stopRecording(reason: RecordingStopReason) {
    guard let active = recording else { return }
    // A recording the pause cut short is remembered, so that resuming records the speaker again.
    stage.trial?.evocation?.turn?.recording = reason == .pause ? .cutByPause : .off
    pending.append(.stopRecording(active.request))
    log(.recording(.stopped(active.request.take, reason: reason.stored)))
  }

  /// The recorder failed: the take is closed all the same, so every start has its stop, and the therapist is told.
  mutating func recordingDidFail(_ reason: LocalizedText) {
    let take = recording?.request.take
    if take != nil { stopRecording(reason: .failed) }
    log(.recording(.failed(RecordingFailure(trial: trialTag, take: take, reason: reason.english))))
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
