import SessionModel

extension SessionEngine {
  mutating func startEvocation() {
    progress?.step = .evocation
    progress?.speaker = nil
    progress?.waiting = []
    log("evocation.started", trialPayload())
  }

  /// A patient presses A: they join the queue for the floor; the therapist grants it.
  mutating func askForFloor(_ player: PlayerNumber) {
    guard let progress, progress.speaker != player, !progress.waiting.contains(player) else { return }
    self.progress?.waiting.append(player)
    log("floor.asked", trialPayload(["player": player.description]))
    play(.move)
  }

  /// Gives the floor, ending the current speaker's turn first; records when the session records answers.
  mutating func giveFloor(to player: PlayerNumber, by source: String, at now: UInt64) {
    guard let progress, progress.speaker != player, let index = seatIndex(of: player) else { return }
    if progress.speaker != nil { endTurn(reason: "floorGiven") }
    self.progress?.waiting.removeAll { $0 == player }
    self.progress?.speaker = player
    self.progress?.turns += 1
    self.progress?.redo = 0
    self.progress?.answered.insert(player)
    let turn = self.progress?.turns ?? 1
    log("floor.given", trialPayload(["player": player.description, "turn": String(turn), "by": source]))
    play(.floor)
    guard setup.recordsAnswers, let trial = self.progress?.trial else { return }
    startRecording(
      RecordingRequest(trial: trial.id, player: player, participant: seats[index].participant, turn: turn), at: now)
  }

  /// The speaker's turn is over (Space, S, another speaker, the maximum duration): the floor reopens.
  mutating func endTurn(reason: String) {
    guard let speaker = progress?.speaker else { return }
    stopRecording(reason: reason)
    log(
      "turn.ended",
      trialPayload(["player": speaker.description, "turn": String(progress?.turns ?? 0), "reason": reason]))
    progress?.speaker = nil
  }

  /// R with someone speaking: their answer starts again as a new take of the same turn.
  ///
  /// After a failed recording this is also how the therapist tries the recorder again.
  mutating func redoAnswer(at now: UInt64) {
    guard let progress, let speaker = progress.speaker, let index = seatIndex(of: speaker) else { return }
    let take = progress.redo + 1
    self.progress?.redo = take
    stopRecording(reason: "redo")
    log(
      "answer.redone",
      trialPayload(["player": speaker.description, "turn": String(progress.turns), "redo": String(take)]))
    guard setup.recordsAnswers else { return }
    startRecording(
      RecordingRequest(
        trial: progress.trial.id, player: speaker, participant: seats[index].participant, turn: progress.turns,
        redo: take),
      at: now)
  }

  /// Space during the evocation: end the turn, or grant the first waiting player, or go on to the next trial.
  mutating func evocationNext(at now: UInt64) {
    guard let progress else { return }
    if progress.speaker != nil {
      endTurn(reason: "next")
    } else if let first = progress.waiting.first {
      giveFloor(to: first, by: "request", at: now)
    } else {
      nextTrial(reason: "completed", at: now)
    }
  }

  mutating func startRecording(_ request: RecordingRequest, at now: UInt64) {
    // Never two recordings at once: whatever was running ends before the next starts.
    stopRecording(reason: "replaced")
    recording = ActiveRecording(request: request, startedAt: now)
    pending.append(.startRecording(request))
    log("recording.started", request.payload)
  }

  mutating func stopRecording(reason: String) {
    guard let active = recording else { return }
    recording = nil
    pending.append(.stopRecording(active.request))
    var payload = active.request.payload
    payload["reason"] = reason
    log("recording.stopped", payload)
  }

  /// The recorder failed: the take is closed all the same, so every start has its stop, and the therapist is told.
  mutating func recordingDidFail(_ reason: LocalizedText) {
    var payload = trialPayload(["reason": reason.english])
    if let active = recording {
      payload.merge(active.request.payload) { mine, _ in mine }
      stopRecording(reason: "failed")
    }
    log("recording.failed", payload)
    overlays.notice = EngineText.recordingFailed(reason)
  }

  /// Ends an answer gently when it reaches the protocol's maximum; nothing on screen counts down.
  mutating func endLongAnswer(at now: UInt64) {
    guard let active = recording, let seconds = setup.maximumAnswerSeconds,
      now >= active.startedAt + UInt64(seconds) * 1_000_000_000
    else { return }
    endTurn(reason: "maximumDuration")
  }

}
