import SessionModel

/// Days when no session can take place (a bank holiday, a summer closure), both ends included.
public struct ClosurePeriod: Hashable, Sendable, Codable {
  public var from: CalendarDate
  public var to: CalendarDate
  public var reason: String?

  public init(from: CalendarDate, to: CalendarDate? = nil, reason: String? = nil) {
    self.from = from
    self.to = to ?? from
    self.reason = reason
  }

  public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }
}
