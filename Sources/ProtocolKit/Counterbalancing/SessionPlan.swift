import SessionModel

/// Every session of every group (or participant), with the seed that rebuilds it exactly.
public struct SessionPlan: Hashable, Sendable, Codable {
  public var study: StudyID
  public var seed: UInt64
  public var participants: Int
  public var unit: CounterbalancingUnit
  /// The order of conditions the square's symbols 0, 1, 2… stand for, drawn from the seed.
  public var conditionSymbols: [Condition]
  public var units: [PlannedUnit]

  public init(
    study: StudyID, seed: UInt64, participants: Int, unit: CounterbalancingUnit, conditionSymbols: [Condition],
    units: [PlannedUnit]
  ) {
    self.study = study
    self.seed = seed
    self.participants = participants
    self.unit = unit
    self.conditionSymbols = conditionSymbols
    self.units = units
  }

  /// All sessions, unit after unit.
  public var sessions: [Session] { units.flatMap(\.sessions) }
}
