import SessionModel

/// One arm of a trial, e.g. patients with memory disorders; groups are formed within an arm.
public struct ProtocolArm: Hashable, Sendable, Codable, Identifiable {
  /// A slug stored in `Participant.arm`, e.g. `avec-troubles-memoire`.
  public var id: String
  public var label: LocalizedText

  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}
