import SessionModel

/// The planned trial a power simulation draws: how many populations, groups, participants,
/// sessions and trials, and how often a participant misses a session.
public struct PowerDesign: Hashable, Sendable, Codable {
  /// 1 (one population) or 2 (without and with memory disorder, equal sizes).
  public var populations: Int
  public var groupsPerPopulation: Int
  public var participantsPerGroup: Int
  public var sessions: Int
  /// The protocol's conditions; image alone is the reference.
  public var conditions: [Condition]
  /// Trials of each condition in a session.
  public var trialsPerCondition: Int
  /// Probability that a participant misses a whole session (independently).
  public var absenceRate: Double

  public init(
    populations: Int = 2, groupsPerPopulation: Int = 1, participantsPerGroup: Int = 10, sessions: Int = 13,
    conditions: [Condition] = [.image, .imageGame, .imageScent], trialsPerCondition: Int = 2, absenceRate: Double = 0.1
  ) {
    self.populations = populations
    self.groupsPerPopulation = groupsPerPopulation
    self.participantsPerGroup = participantsPerGroup
    self.sessions = sessions
    self.conditions = conditions
    self.trialsPerCondition = trialsPerCondition
    self.absenceRate = absenceRate
  }

  enum CodingKeys: String, CodingKey {
    case populations, groupsPerPopulation = "groups_per_population", participantsPerGroup = "participants_per_group"
    case sessions, conditions, trialsPerCondition = "trials_per_condition", absenceRate = "absence_rate"
  }
}

/// The effects a researcher expects, in the measure's unit (seconds of speech, say): the tested
/// condition's effect against image alone in patients without memory disorder, how much larger it
/// is with one (the interaction), and the standard deviations of the random parts.
public struct PowerEffects: Hashable, Sendable, Codable {
  public var condition: Condition
  public var effect: Double
  public var interaction: Double
  public var participantSD: Double
  public var groupSD: Double
  public var residualSD: Double

  public init(
    condition: Condition = .imageScent, effect: Double, interaction: Double = 0, participantSD: Double,
    groupSD: Double = 0, residualSD: Double
  ) {
    self.condition = condition
    self.effect = effect
    self.interaction = interaction
    self.participantSD = participantSD
    self.groupSD = groupSD
    self.residualSD = residualSD
  }

  enum CodingKeys: String, CodingKey {
    case condition, effect, interaction, participantSD = "participant_sd", groupSD = "group_sd"
    case residualSD = "residual_sd"
  }
}
