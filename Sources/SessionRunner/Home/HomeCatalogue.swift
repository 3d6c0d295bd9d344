import Foundation
import SessionModel

/// What the home screen offers, read once from the protocols folder and the database: each
/// study, its groups and their planned sessions with dates and what became of them.
public struct HomeCatalogue: Hashable, Sendable {
  public var studies: [HomeStudy]

  public init(studies: [HomeStudy]) { self.studies = studies }

  /// Clinical studies first, in file order; the animation programme is offered on its own row.
  public var clinicalStudies: [HomeStudy] { studies.filter(\.isClinical) }
  public var animation: HomeStudy? { studies.first { !$0.isClinical } }
}

/// One protocol file.
public struct HomeStudy: Hashable, Sendable {
  public var protocolFile: URL
  public var id: String
  public var title: LocalizedText
  public var isClinical: Bool
  public var groups: [HomeGroup]

  public init(protocolFile: URL, id: String, title: LocalizedText, isClinical: Bool, groups: [HomeGroup]) {
    self.protocolFile = protocolFile
    self.id = id
    self.title = title
    self.isClinical = isClinical
    self.groups = groups
  }
}

/// A planned group and whether the database knows its members.
public struct HomeGroup: Hashable, Sendable {
  public var name: String
  /// Registered members, or nil when the group is not registered.
  public var registeredMembers: Int?
  public var sessions: [HomePlannedSession]

  public init(name: String, registeredMembers: Int?, sessions: [HomePlannedSession]) {
    self.name = name
    self.registeredMembers = registeredMembers
    self.sessions = sessions
  }

  /// The session to offer first: an interrupted one, else the first not yet held.
  public var nextSession: HomePlannedSession? {
    sessions.first { if case .interrupted = $0.state { true } else { false } }
      ?? sessions.first { $0.state == .planned } ?? sessions.last
  }
}

/// One planned session of a group's schedule.
public struct HomePlannedSession: Hashable, Sendable {
  public enum State: Hashable, Sendable {
    case planned
    case held
    /// Its last run was interrupted; a resumed run starts at this trial (1 = the first) of `trials`.
    case interrupted(atTrial: Int, of: Int)
  }

  public var number: Int
  public var id: String
  public var date: CalendarDate?
  public var state: State
  /// What its recordings need on disk (the start check's figure); 0 when nothing is recorded.
  public var neededBytes: Int64
  public var plansScents: Bool

  public init(number: Int, id: String, date: CalendarDate?, state: State, neededBytes: Int64, plansScents: Bool) {
    self.number = number
    self.id = id
    self.date = date
    self.state = state
    self.neededBytes = neededBytes
    self.plansScents = plansScents
  }
}
