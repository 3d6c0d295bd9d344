import SessionModel

/// One condition's figures for one measure: how many answers fed it, and the summary of the
/// participants' means (each participant counts once, whatever their number of answers).
public struct ConditionSummary: Hashable, Sendable, Codable {
  public var condition: Condition
  public var answers: Int
  public var participantMeans: DescriptiveStatistics
  /// The participants' means themselves, sorted (no code attached): what the box plot draws.
  public var values: [Double]

  public init(condition: Condition, answers: Int, values: [Double]) {
    self.condition = condition
    self.answers = answers
    self.values = values.sorted()
    participantMeans = DescriptiveStatistics(values)
  }

  enum CodingKeys: String, CodingKey {
    case condition, answers, participantMeans = "participant_means", values
  }
}
