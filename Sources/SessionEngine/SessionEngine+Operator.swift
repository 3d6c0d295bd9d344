import SessionModel

extension SessionEngine {
  mutating func handleOperator(_ action: OperatorAction, at now: UInt64) {
    log(.operator(OperatorLogEvent(action: action, trial: trialTag, stage: stageName)))
    if overlays.isConfirmingEnd {
      switch action {
      case .confirm: finish(reason: .operator)
      case .cancel:
        overlays.isConfirmingEnd = false
        log(.session(.endCancelled))
      default: break
      }
      return
    }
    switch action {
    case .end where stage.joinScreen?.selectedSeat != nil:
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
      if stage.isPaused { resume(at: now) } else { pause() }
    case .giveFloor(let member) where stage.isPaused:
      attributeLatecomer(to: member)
    case _ where stage.isPaused:
      break
    case .next: next(at: now)
    case .skip: skip(at: now)
    case .redo: redo(at: now)
    case .giveFloor(let player):
      switch stage {
      case .joining: seatKey(player)
      case .trial(let progress) where progress.evocation != nil: giveFloor(to: player, by: .therapist, at: now)
      default: break
      }
    }
  }

  private var stageName: String {
    // The log names the stage a pause interrupted, as it was before pauses were a stage.
    switch stage.underway {
    case .lobby: "lobby"
    case .joining: "join"
    case .trial(let progress): progress.step.name
    case .ended: "ended"
    case .paused: preconditionFailure("seen through, a pause is the stage it interrupted")
    }
  }

  private mutating func next(at now: UInt64) {
    switch stage {
    case .lobby: openJoin()
    case .joining: startSession(at: now)
    case .ended, .paused: break
    case .trial(let progress):
      switch progress.step {
      case .stimulus: leaveStimulus(at: now)
      case .game: gameNext(at: now)
      case .evocation: evocationNext(at: now)
      case .scentLead: break
      }
    }
  }

  private mutating func skip(at now: UInt64) {
    guard case .trial(let progress) = stage else { return }
    switch progress.step {
    case .scentLead(let lead):
      if lead.requestedAt != nil { stopScents() }
      log(.scent(.skipped(trialTag, scent: lead.scent, reason: .operator)))
      showStimulus()
    case .stimulus:
      nextTrial(reason: .skipped, at: now)
    case .game(let game):
      log(.game(.skipped(trialTag, game: game.kind, reason: .operator)))
      endGame(reason: .skipped)
    case .evocation(let evocation):
      if evocation.turn != nil { endTurn(reason: .skipped) } else { nextTrial(reason: .skipped, at: now) }
    }
  }

  private mutating func redo(at now: UInt64) {
    if case .joining = stage {
      clearSeats()
      return
    }
    guard case .trial(let progress) = stage else { return }
    switch progress.step {
    case .scentLead: break
    case .stimulus:
      log(.trial(.stimulusReplayed(trialTag)))
      showStimulus()
    case .game:
      restartGame(at: now)
    case .evocation(let evocation):
      if evocation.turn != nil {
        redoAnswer(at: now)
      } else {
        log(.trial(.stimulusReplayed(trialTag)))
        showStimulus()
      }
    }
  }

  /// Pause: scents stopped, the answer being recorded stopped; it comes back as a new turn.
  private mutating func pause() {
    stage.pause()
    log(.session(.paused(trialTag)))
    stopScents()
    stopRecording(reason: .pause)
    forgetHeldButtons()
  }

  private mutating func resume(at now: UInt64) {
    stage.resume()
    log(.session(.resumed(trialTag)))
    guard case .trial(let progress) = stage else { return }
    if case .scentLead(let lead) = progress.step, lead.requestedAt != nil {
      // The pause cut the scent short: show the image rather than release a second time too soon.
      log(.scent(.skipped(trialTag, scent: lead.scent, reason: .pause)))
      showStimulus()
    }
    guard let turn = progress.turn, turn.recording == .cutByPause else { return }
    guard let index = seatIndex(of: turn.speaker), let number = stage.trial?.resumeTurn() else {
      stage.trial?.evocation?.turn?.recording = .off
      return
    }
    log(.trial(.turnResumed(trialTag, player: turn.speaker, turn: number)))
    startRecording(
      RecordingRequest(
        trial: progress.trial.id, player: turn.speaker, participant: seats[index].participant, turn: number),
      at: now)
  }
}
