import SessionModel

extension SessionEngine {
  /// Everything that waits for time: long presses, scent timing, the memory cards, long answers.
  mutating func runTimers(at now: UInt64) {
    guard stage != .ended else { return }
    fireLongPresses(at: now)
    endScentIfDue(at: now)
    guard !isPaused, stage == .trials else { return }
    advanceScentLead(at: now)
    settleMemoryCards(at: now)
    endLongAnswer(at: now)
  }
}
