/// Who receives one row of the Latin square: a whole group (one shared screen) or each participant.
public enum CounterbalancingUnit: String, CaseIterable, Hashable, Sendable, Codable {
  case group
  case participant
}
