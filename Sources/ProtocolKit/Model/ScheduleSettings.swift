import SessionModel

/// The rhythm of sessions: every `intervalDays` for `durationMonths`, skipping closures.
public struct ScheduleSettings: Hashable, Sendable, Codable {
  public static let defaultIntervalDays = 14
  public static let defaultDurationMonths = 6

  /// The planned first session; `connectage protocol schedule --start` overrides it.
  public var start: CalendarDate?
  public var intervalDays: Int
  public var durationMonths: Int
  /// When set, exactly this many sessions instead of as many as fit in `durationMonths`.
  public var sessionCount: Int?
  /// ISO weekdays (1 = Monday … 7 = Sunday) with no session.
  public var closedWeekdays: Set<Int>
  public var closures: [ClosurePeriod]

  public init(
    start: CalendarDate? = nil, intervalDays: Int = defaultIntervalDays,
    durationMonths: Int = defaultDurationMonths, sessionCount: Int? = nil,
    closedWeekdays: Set<Int> = [6, 7], closures: [ClosurePeriod] = []
  ) {
    self.start = start
    self.intervalDays = intervalDays
    self.durationMonths = durationMonths
    self.sessionCount = sessionCount
    self.closedWeekdays = closedWeekdays
    self.closures = closures
  }

  public func isOpen(on date: CalendarDate) -> Bool {
    !closedWeekdays.contains(date.weekday) && !closures.contains { $0.contains(date) }
  }
}
