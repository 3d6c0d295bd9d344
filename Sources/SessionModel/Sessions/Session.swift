import Foundation

/// One meeting of a group: a planned list of trials on a given day.
public struct Session: Hashable, Sendable, Codable, Identifiable {
  public var id: SessionID
  public var study: StudyID?
  public var group: GroupID?
  /// Position in the group's schedule, from 1.
  public var number: Int
  /// The day the protocol planned the session for.
  public var date: CalendarDate
  /// The day the session actually took place (local calendar); `nil` until it runs, or when a
  /// database from before this field cannot tell.
  public var heldOn: CalendarDate?
  public var kind: SessionKind
  public var trials: [Trial]

  public init(
    id: SessionID, study: StudyID? = nil, group: GroupID? = nil, number: Int, date: CalendarDate,
    kind: SessionKind, trials: [Trial], heldOn: CalendarDate? = nil
  ) {
    self.id = id
    self.study = study
    self.group = group
    self.number = number
    self.date = date
    self.heldOn = heldOn
    self.kind = kind
    self.trials = trials
  }
}

/// Whether a session collects research data.
public enum SessionKind: String, Sendable, Codable, CaseIterable {
  /// A protocol session: answers are recorded and measured.
  case clinical
  /// A nursing-home animation: games and scents, nothing recorded.
  case animation
}
