import SessionModel

/// Everything `connectage stats` says about one measure.
public struct MeasureStatistics: Hashable, Sendable, Codable {
  public var measure: StatisticsMeasure
  public var conditions: [ConditionSummary]
  /// Across all conditions observed, on the participants who have every one; `nil` below two
  /// conditions or two complete participants.
  public var friedman: FriedmanTest?
  /// Participants with at least one value for the measure but an empty cell, left out of Friedman's test.
  public var excludedFromFriedman: [ParticipantCode]
  public var pairwise: [PairwiseComparison]
  public var trajectory: [TrajectoryPoint]

  public init(
    measure: StatisticsMeasure, conditions: [ConditionSummary], friedman: FriedmanTest?,
    excludedFromFriedman: [ParticipantCode], pairwise: [PairwiseComparison], trajectory: [TrajectoryPoint]
  ) {
    self.measure = measure
    self.conditions = conditions
    self.friedman = friedman
    self.excludedFromFriedman = excludedFromFriedman
    self.pairwise = pairwise
    self.trajectory = trajectory
  }

  enum CodingKeys: String, CodingKey {
    case measure, conditions, friedman, excludedFromFriedman = "excluded_from_friedman", pairwise, trajectory
  }
}
