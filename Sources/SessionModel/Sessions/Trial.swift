/// One stimulus presented under one condition, followed by the evocation task.
public struct Trial: Hashable, Sendable, Codable, Identifiable {
  public var id: TrialID
  /// Position in the session, from 1.
  public var number: Int
  public var stimulus: StimulusID
  public var condition: Condition
  /// The game played in `image_game` conditions.
  public var game: GameKind?
  /// The scent released in scent conditions.
  public var scent: ScentID?

  public init(
    id: TrialID, number: Int, stimulus: StimulusID, condition: Condition, game: GameKind? = nil,
    scent: ScentID? = nil
  ) {
    self.id = id
    self.number = number
    self.stimulus = stimulus
    self.condition = condition
    self.game = game
    self.scent = scent
  }
}
