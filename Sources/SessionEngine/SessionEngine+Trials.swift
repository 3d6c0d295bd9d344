import SessionModel

extension SessionEngine {
  /// Starts trial `index`, or completes the session when there is none.
  mutating func startTrial(_ index: Int, at now: UInt64) {
    guard setup.session.trials.indices.contains(index) else {
      finish(reason: .completed)
      return
    }
    let trial = setup.session.trials[index]
    stage = .trial(TrialProgress(index: index, trial: trial, step: .stimulus))
    overlays.notice = nil
    // A scent condition falls back on the scent paired with the image when the trial names none.
    let scent = trial.condition.includesScent ? setup.scent(for: trial) : nil
    log(
      .trial(
        .started(
          TrialTag(trial: trial.id, number: trial.number), condition: trial.condition, stimulus: trial.stimulus,
          game: gameKind(for: trial), scent: scent)))
    guard let scentID = scent else {
      showStimulus()
      return
    }
    guard setup.scents[scentID] != nil else {
      log(.scent(.skipped(trialTag, scent: scentID, reason: .unknownScent)))
      showStimulus()
      return
    }
    guard scentLedger.hasBudget(for: setup.scentReleaseMilliseconds, within: setup.scentSafety) else {
      overlays.notice = EngineText.scentLimitReached
      log(.scent(.skipped(trialTag, scent: scentID, reason: .sessionLimit)))
      showStimulus()
      return
    }
    let releaseAt = max(now, earliestNextRelease)
    stage.trial?.step = .scentLead(ScentLead(scent: scentID, releaseAt: releaseAt))
    if releaseAt > now {
      // The previous scent is still too close: the calm card waits, the two never mix.
      log(.scent(.delayed(trialTag, scent: scentID, untilNanoseconds: releaseAt)))
    }
    advanceScentLead(at: now)
  }

  var earliestNextRelease: UInt64 {
    scentLedger.earliestNextRelease(interval: setup.scentSafety.minimumIntervalMilliseconds)
  }

  /// Sends a release if the safety interval and the session's budget allow it; returns whether it did.
  @discardableResult
  mutating func release(_ scentID: ScentID, at now: UInt64) -> Bool {
    let duration = setup.scentReleaseMilliseconds
    guard let scent = setup.scents[scentID], now >= earliestNextRelease,
      scentLedger.hasBudget(for: duration, within: setup.scentSafety)
    else { return false }
    // Logged before the command goes out, so that the request precedes what the diffuser logs of it.
    log(
      .scent(
        .requested(
          trialTag, scent: scent.id, slot: scent.slot, intensity: setup.scentIntensity, durationMilliseconds: duration))
    )
    pending.append(
      .releaseScent(scent.id, slot: scent.slot, intensity: setup.scentIntensity, durationMilliseconds: duration))
    scentLedger.awaitAnswer(to: AwaitedRelease(scent: scent.id, trial: trialTag))
    let end = now + UInt64(duration) * 1_000_000
    scentLedger.active = scent.id
    scentLedger.activeEndsAt = end
    scentLedger.lastEnd = max(scentLedger.lastEnd ?? 0, end)
    scentLedger.releases += 1
    scentLedger.totalMilliseconds += duration
    stage.trial?.scentReleased = true
    return true
  }

  /// Sends the pending release when its time comes, then shows the image after the lead time and the confirmation.
  mutating func advanceScentLead(at now: UInt64) {
    // A paused trial waits: the pause matches no running trial.
    guard case .trial(let progress) = stage, case .scentLead(var lead) = progress.step else { return }
    guard let requestedAt = lead.requestedAt else {
      guard now >= lead.releaseAt else { return }
      if release(lead.scent, at: now) {
        lead.requestedAt = now
        stage.trial?.step = .scentLead(lead)
      } else {
        log(.scent(.skipped(trialTag, scent: lead.scent, reason: .safetyLimit)))
        showStimulus()
      }
      return
    }
    let leadEnds = requestedAt + UInt64(setup.scentSafety.leadTimeMilliseconds) * 1_000_000
    if lead.isAcknowledged, now >= leadEnds {
      showStimulus()
    } else if !lead.isAcknowledged, now >= leadEnds + Self.scentAcknowledgementTimeoutNanoseconds {
      overlays.notice = EngineText.scentNotConfirmed
      let given = scentLedger.mark(lead.scent, from: [.waiting], to: .givenUp)
      log(.scent(.unconfirmed(given.map(\.trial) ?? trialTag, scent: lead.scent, reason: nil)))
      showStimulus()
    }
  }

  /// The device's acknowledgement (`late` when the diffuser had reported the release unconfirmed),
  /// logged on the trial that asked for the release: `scent.released`, or `scent.releasedLate` when
  /// the engine had already logged that it could not confirm it.
  mutating func scentWasReleased(
    _ scent: ScentID, startedAt: UInt64, endsAt: UInt64, acknowledgedAt: UInt64, late: Bool, now: UInt64
  ) {
    let release = scentLedger.answer(for: scent, late: late)
    let isLate = late || release?.state == .givenUp
    let receipt = ScentRelease(
      trial: release.map(\.trial) ?? trialTag, scent: scent, startedAtNanoseconds: startedAt,
      endsAtNanoseconds: endsAt, acknowledgedAtNanoseconds: acknowledgedAt)
    log(.scent(isLate ? .releasedLate(receipt) : .released(receipt)))
    // Even a release confirmed late keeps the next one a full interval after its real end.
    scentLedger.lastEnd = max(scentLedger.lastEnd ?? 0, endsAt)
    if scentLedger.active == scent { scentLedger.activeEndsAt = endsAt }
    guard !isLate, case .scentLead(var lead) = stage.trial?.step, lead.scent == scent else { return }
    lead.isAcknowledged = true
    stage.trial?.step = .scentLead(lead)
    advanceScentLead(at: now)
  }

  mutating func scentWasRefused(_ scent: ScentID, reason: LocalizedText, now: UInt64) {
    let asked = scentLedger.answer(for: scent, late: false)
    log(.scent(.refused(asked.map(\.trial) ?? trialTag, scent: scent, reason: reason.english)))
    overlays.notice = EngineText.scentRefused(reason)
    if scentLedger.active == scent { scentLedger.active = nil }
    // Not through a pause: the image waits for the resume, which shows it (`resume(at:)`).
    guard case .trial(let progress) = stage, case .scentLead(let lead) = progress.step, lead.scent == scent
    else { return }
    showStimulus()
  }

  /// The release went out but its answer never came: the image goes on without waiting, and a
  /// late acknowledgement will still be logged on this trial.
  mutating func scentWasUnconfirmed(_ scent: ScentID, reason: LocalizedText) {
    // A release the engine already gave up on is not logged twice.
    guard let release = scentLedger.mark(scent, from: [.waiting, .givenUp], to: .lost), release.state == .waiting
    else { return }
    overlays.notice = EngineText.scentNotConfirmed
    log(.scent(.unconfirmed(release.trial, scent: scent, reason: reason.english)))
    guard case .trial(let progress) = stage, case .scentLead(let lead) = progress.step, lead.scent == scent,
      !lead.isAcknowledged
    else { return }
    showStimulus()
  }

  /// Ends the release on screen and clears the air once the diffuser's time is up.
  mutating func endScentIfDue(at now: UInt64) {
    guard let scent = scentLedger.active, now >= scentLedger.activeEndsAt else { return }
    scentLedger.active = nil
    log(.scent(.ended(trialTag, scent: scent)))
    if setup.scentSafety.purgeMilliseconds > 0 {
      pending.append(.purgeAir(durationMilliseconds: setup.scentSafety.purgeMilliseconds))
    }
  }

  /// Cuts any release short (pause, skip, end); the next release still waits the full interval.
  mutating func stopScents(taggedWith tag: TrialTag?? = nil) {
    if let scent = scentLedger.active {
      scentLedger.active = nil
      log(.scent(.stopped(tag ?? trialTag, scent: scent)))
    }
    pending.append(.stopAllScents)
  }

  mutating func showStimulus() {
    guard let trial = stage.trial?.trial else { return }
    stage.trial?.step = .stimulus
    mustShow = true
    log(.trial(.stimulusShown(trialTag, stimulus: trial.stimulus, image: stimulusView(for: trial).image)))
  }

  mutating func stimulusWasPresented(_ stimulus: StimulusID, at time: UInt64) {
    log(.trial(.stimulusPresented(trialTag, stimulus: stimulus, presentedAtNanoseconds: time)))
  }

  /// Space on the image: the game if the trial has one, otherwise the evocation.
  mutating func leaveStimulus(at now: UInt64) {
    if let trial = stage.trial?.trial, let kind = gameKind(for: trial) {
      startGame(kind, at: now)
    } else {
      startEvocation()
    }
  }

  /// The game of a trial: the protocol's choice, and in an animation a game on every trial.
  func gameKind(for trial: Trial) -> GameKind? {
    let playsGame = trial.condition.includesGame || setup.session.kind == .animation
    guard playsGame else { return nil }
    if let game = trial.game { return game }
    guard setup.session.kind == .animation else { return nil }
    let hasScent = setup.scent(for: trial).flatMap { setup.scents[$0] } != nil
    return AnimationRotation.game(forTrial: trial.number, withScent: hasScent)
  }

  mutating func nextTrial(reason: TrialEndReason, at now: UInt64) {
    guard let progress = stage.trial else { return }
    endTurn(reason: .trialEnded(reason))
    log(
      .trial(
        .ended(TrialTag(trial: progress.trial.id, number: progress.trial.number), reason: reason, turns: progress.turns)
      ))
    startTrial(progress.index + 1, at: now)
  }

  /// The thank-you scene: scents stopped, recording stopped, nothing more to do.
  mutating func finish(reason: SessionEndReason) {
    endTurn(reason: .sessionEnded(reason))
    // A completed session has no trial under way any more: the last one logged its end, so what
    // stops now is tagged with no trial.
    stopScents(taggedWith: reason == .completed ? .some(nil) : trialTag)
    overlays = Overlays()
    stage = .ended
    log(.session(.ended(reason: reason)))
    play(.end)
  }
}
