import SessionModel

/// The journal's events not yet written, kept in the order of their times (arrival order among
/// equal times), and what may be written next without going back in time.
struct TimeOrderedEvents {
  private var waiting: [(arrival: Int, event: SessionEvent)] = []
  private var arrivals = 0
  /// The time of the last event written: no later write carries an earlier one.
  private(set) var lastWrittenTime: UInt64 = 0

  var isEmpty: Bool { waiting.isEmpty }
  var count: Int { waiting.count }
  var earliestTime: UInt64? { waiting.first?.event.monotonicNanoseconds }

  mutating func receive(_ events: [SessionEvent]) {
    guard !events.isEmpty else { return }
    for event in events {
      waiting.append((arrivals, event))
      arrivals += 1
    }
    waiting.sort { ($0.event.monotonicNanoseconds, $0.arrival) < ($1.event.monotonicNanoseconds, $1.arrival) }
  }

  /// The events whose time is at or before `horizon`, earliest first. One older than the last
  /// written takes that time, and keeps its own as `happenedAtNanoseconds`.
  func due(before horizon: UInt64) -> [SessionEvent] {
    waiting.prefix { $0.event.monotonicNanoseconds <= horizon }.map { waiting in
      var event = waiting.event
      if event.monotonicNanoseconds < lastWrittenTime {
        event.happenedAtNanoseconds = event.monotonicNanoseconds
        event.monotonicNanoseconds = lastWrittenTime
      }
      return event
    }
  }

  /// Forgets the first `events.count` events, now on disk.
  mutating func markWritten(_ events: [SessionEvent]) {
    waiting.removeFirst(events.count)
    if let last = events.last { lastWrittenTime = max(lastWrittenTime, last.monotonicNanoseconds) }
  }
}
