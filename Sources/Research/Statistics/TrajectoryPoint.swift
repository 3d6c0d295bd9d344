import SessionModel

/// The mean of one condition at one session number, over the participants measured then.
public struct TrajectoryPoint: Hashable, Sendable, Codable {
  public var condition: Condition
  /// The session's position in its group's schedule (1 = first fortnight).
  public var session: Int
  public var participants: Int
  public var mean: Double

  public init(condition: Condition, session: Int, participants: Int, mean: Double) {
    self.condition = condition
    self.session = session
    self.participants = participants
    self.mean = mean
  }
}
