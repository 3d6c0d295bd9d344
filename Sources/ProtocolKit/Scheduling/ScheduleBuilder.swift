import SessionModel

/// Dates the sessions of a protocol: every `intervalDays` from a start date, each moved to the
/// next open day when it falls on a closure or a closed weekday.
public struct ScheduleBuilder: Sendable {
  public let settings: ScheduleSettings

  public init(settings: ScheduleSettings) {
    self.settings = settings
  }

  /// The regular dates: `sessionCount` of them, or as many as start before `durationMonths` have passed.
  public func regularDates(startingOn start: CalendarDate) -> [CalendarDate] {
    if let count = settings.sessionCount {
      return (0..<count).map { start.adding(days: $0 * settings.intervalDays) }
    }
    let end = start.adding(months: settings.durationMonths)
    return stride(from: 0, to: end.daysSinceEpoch - start.daysSinceEpoch, by: settings.intervalDays)
      .map { start.adding(days: $0) }
  }

  public func schedule(startingOn start: CalendarDate, group: GroupID? = nil) -> Schedule {
    var sessions: [ScheduledSession] = []
    for (index, regular) in regularDates(startingOn: start).enumerated() {
      var date = regular
      // Never on or before the previous session, even when a long closure pushed that one far.
      if let previous = sessions.last?.date, date <= previous {
        date = previous.adding(days: 1)
      }
      while !settings.isOpen(on: date) {
        date = date.adding(days: 1)
      }
      sessions.append(ScheduledSession(number: index + 1, date: date, movedFrom: date == regular ? nil : regular))
    }
    return Schedule(group: group, sessions: sessions)
  }
}
