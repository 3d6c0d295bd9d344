/// A research study or an animation programme that sessions belong to.
public struct Study: Hashable, Sendable, Codable, Identifiable {
  public var id: StudyID
  public var title: String
  /// The protocol file the study runs, as named in `Protocols/` (e.g. `espoir-avc`).
  public var protocolName: String
  /// What the study's participant codes must look like (the protocol's, else the standard one).
  public var participantCodes: ParticipantCodePattern

  public init(id: StudyID, title: String, protocolName: String, participantCodes: ParticipantCodePattern = .standard) {
    self.id = id
    self.title = title
    self.protocolName = protocolName
    self.participantCodes = participantCodes
  }
}

/// A place where sessions happen: a hospital ward, a practice, a nursing home.
public struct Site: Hashable, Sendable, Codable, Identifiable {
  public var id: SiteID
  public var label: String

  public init(id: SiteID, label: String) {
    self.id = id
    self.label = label
  }
}
