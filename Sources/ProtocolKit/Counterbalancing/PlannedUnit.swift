import SessionModel

/// A group or a participant with its sessions, as one row of the plan.
public struct PlannedUnit: Hashable, Sendable, Codable {
  /// `G01` for a group, the participant's code otherwise.
  public var name: String
  public var members: [ParticipantCode]
  /// The Latin-square row the first session follows; later sessions move one row on each time.
  public var squareRow: Int
  public var sessions: [Session]

  public init(name: String, members: [ParticipantCode], squareRow: Int, sessions: [Session]) {
    self.name = name
    self.members = members
    self.squareRow = squareRow
    self.sessions = sessions
  }
}
