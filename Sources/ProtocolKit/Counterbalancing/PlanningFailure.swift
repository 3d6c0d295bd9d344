import SessionModel

/// A plan that cannot be built with the protocol's constraints, with what to change.
public struct PlanningFailure: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: LocalizedText

  public init(message: LocalizedText) {
    self.message = message
  }

  public var description: String { message.french }
}
