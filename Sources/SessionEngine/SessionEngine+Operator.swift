import SessionModel

extension SessionEngine {
  mutating func handleOperator(_ action: OperatorAction, at now: UInt64) {
    log(action.eventType, operatorPayload(action))
    if overlays.isConfirmingEnd {
      switch action {
      case .confirm: finish(reason: "operator")
      case .cancel:
        overlays.isConfirmingEnd = false
        log("session.endCancelled")
      default: break
      }
      return
    }
    switch action {
    case .end where selectedSeat != nil:
      // Esc first lets go of a picked seat; only the next one asks to end the session.
      cancelSeatSelection()
    case .end:
      overlays.isConfirmingEnd = true
    case .confirm:
      overlays.notice = nil
    case .cancel:
      if overlays.isShowingHelp {
        overlays.isShowingHelp = false
      } else if overlays.notice != nil {
        overlays.notice = nil
      } else {
        cancelSeatSelection()
      }
    case .toggleHelp:
      overlays.isShowingHelp.toggle()
    case .pause:
      if isPaused { resume(at: now) } else { pause() }
    case _ where isPaused:
      break
    case .next: next(at: now)
    case .skip: skip(at: now)
    case .redo: redo(at: now)
    case .giveFloor(let player):
      if stage == .joining {
        seatKey(player)
      } else if case .evocation = progress?.step {
        giveFloor(to: player, by: "therapist", at: now)
      }
    }
  }

  private func operatorPayload(_ action: OperatorAction) -> [String: String] {
    var payload = trialPayload(["stage": stageName])
    if case .giveFloor(let player) = action { payload["player"] = player.description }
    return payload
  }

  private var stageName: String {
    switch stage {
    case .lobby: "lobby"
    case .joining: "join"
    case .trials: progress?.step.name ?? "trials"
    case .ended: "ended"
    }
  }

  private mutating func next(at now: UInt64) {
    switch stage {
    case .lobby: openJoin()
    case .joining: startSession(at: now)
    case .ended: break
    case .trials:
      switch progress?.step {
      case .stimulus: leaveStimulus(at: now)
      case .game: gameNext(at: now)
      case .evocation: evocationNext(at: now)
      case .scentLead, nil: break
      }
    }
  }

  private mutating func skip(at now: UInt64) {
    guard stage == .trials, let step = progress?.step else { return }
    switch step {
    case .scentLead(let lead):
      if lead.requestedAt != nil { stopScents() }
      log("scent.skipped", trialPayload(["scent": lead.scent.rawValue, "reason": "operator"]))
      showStimulus()
    case .stimulus:
      nextTrial(reason: "skipped", at: now)
    case .game:
      log("game.skipped", trialPayload(["game": currentGame?.kind.rawValue ?? "", "reason": "operator"]))
      endGame(reason: "skipped")
    case .evocation:
      if progress?.speaker != nil { endTurn(reason: "skipped") } else { nextTrial(reason: "skipped", at: now) }
    }
  }

  private mutating func redo(at now: UInt64) {
    if stage == .joining {
      clearSeats()
      return
    }
    guard stage == .trials, let step = progress?.step else { return }
    switch step {
    case .scentLead: break
    case .stimulus:
      log("stimulus.replayed", trialPayload())
      showStimulus()
    case .game:
      restartGame(at: now)
    case .evocation:
      if progress?.speaker != nil {
        redoAnswer(at: now)
      } else {
        log("stimulus.replayed", trialPayload())
        showStimulus()
      }
    }
  }

  /// Pause: scents stopped, the answer being recorded stopped; it comes back as a new turn.
  private mutating func pause() {
    isPaused = true
    log("session.paused", trialPayload())
    stopScents()
    if let active = recording {
      pausedSpeaker = active.request.player
      stopRecording(reason: "pause")
    }
    forgetHeldButtons()
  }

  private mutating func resume(at now: UInt64) {
    isPaused = false
    log("session.resumed", trialPayload())
    if case .scentLead(let lead) = progress?.step, lead.requestedAt != nil {
      // The pause cut the scent short: show the image rather than release a second time too soon.
      log("scent.skipped", trialPayload(["scent": lead.scent.rawValue, "reason": "pause"]))
      showStimulus()
    }
    if let speaker = pausedSpeaker, let progress, progress.speaker == speaker,
      let index = seatIndex(of: speaker)
    {
      self.progress?.turns += 1
      self.progress?.redo = 0
      let turn = progress.turns + 1
      log("turn.resumed", trialPayload(["player": speaker.description, "turn": String(turn)]))
      startRecording(
        RecordingRequest(trial: progress.trial.id, player: speaker, participant: seats[index].participant, turn: turn),
        at: now)
    }
    pausedSpeaker = nil
  }
}
