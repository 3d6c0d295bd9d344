/// Up to ten participants who meet together in front of one screen.
public struct ParticipantGroup: Hashable, Sendable, Codable, Identifiable {
  public static let maximumSize = 10

  public var id: GroupID
  public var study: StudyID?
  public var site: SiteID?
  public var arm: String?
  public var members: [ParticipantCode]

  public init(
    id: GroupID, study: StudyID? = nil, site: SiteID? = nil, arm: String? = nil,
    members: [ParticipantCode] = []
  ) {
    self.id = id
    self.study = study
    self.site = site
    self.arm = arm
    self.members = members
  }
}
