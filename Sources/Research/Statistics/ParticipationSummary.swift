import SessionModel

/// One condition's participation: how many trials were presented and answered, and the summary of
/// the participants' answer proportions (each participant counts once, whatever their number of
/// trials in the condition).
public struct ParticipationSummary: Hashable, Sendable, Codable {
  public var condition: Condition
  /// Trials presented in this condition, over all participants (participant × trial).
  public var presented: Int
  public var answered: Int
  /// The participants' proportions of presented trials answered, from 0 to 1.
  public var participantProportions: DescriptiveStatistics
  /// The proportions themselves, sorted (no code attached).
  public var values: [Double]

  public init(condition: Condition, presented: Int, answered: Int, values: [Double]) {
    self.condition = condition
    self.presented = presented
    self.answered = answered
    self.values = values.sorted()
    participantProportions = DescriptiveStatistics(values)
  }

  /// Answered over presented, all trials pooled; `nil` when none was presented.
  public var pooledProportion: Double? {
    presented == 0 ? nil : Double(answered) / Double(presented)
  }

  enum CodingKeys: String, CodingKey {
    case condition, presented, answered, participantProportions = "participant_proportions", values
  }
}
