/// The dated list of sessions a group attends over a study.
public struct Schedule: Hashable, Sendable, Codable {
  public var group: GroupID?
  public var sessions: [ScheduledSession]

  public init(group: GroupID? = nil, sessions: [ScheduledSession]) {
    self.group = group
    self.sessions = sessions
  }
}

/// One planned session: its number, its day, and why it moved if it did.
public struct ScheduledSession: Hashable, Sendable, Codable {
  public var number: Int
  public var date: CalendarDate
  /// The date the regular rhythm gave before a closure day moved it, if it moved.
  public var movedFrom: CalendarDate?

  public init(number: Int, date: CalendarDate, movedFrom: CalendarDate? = nil) {
    self.number = number
    self.date = date
    self.movedFrom = movedFrom
  }
}
