import SessionModel

extension SessionEngine {
  /// Everything that waits for time: long presses, scent timing, the memory cards, long answers.
  mutating func runTimers(at now: UInt64) {
    guard !stage.hasEnded else { return }
    fireLongPresses(at: now)
    endScentIfDue(at: now)
    // A pause holds the trial's timers; it matches no running trial.
    guard case .trial = stage else { return }
    advanceScentLead(at: now)
    settleMemoryCards(at: now)
    endLongAnswer(at: now)
  }
}
