import SessionModel

/// How `groups plan` forms groups (`stratification:` in the protocol file): one population per
/// value of ``by`` (groups never mix them), balanced on ``balance`` where the numbers allow.
public struct Stratification: Hashable, Sendable, Codable {
  /// What separates the populations.
  public enum Factor: String, CaseIterable, Sendable, Codable {
    case memoryDisorder = "memory_disorder"
  }

  /// What groups of one population are balanced on.
  public enum BalanceFactor: String, CaseIterable, Sendable, Codable {
    case aphasia
    case usableHand = "usable_hand"
  }

  public var by: Factor
  /// The protocol arm of each stratum: `yes` and `no` for `memory_disorder`.
  public var armWith: String?
  public var armWithout: String?
  public var balance: [BalanceFactor]

  public init(
    by: Factor = .memoryDisorder, armWith: String? = nil, armWithout: String? = nil, balance: [BalanceFactor] = []
  ) {
    self.by = by
    self.armWith = armWith
    self.armWithout = armWithout
    self.balance = balance
  }
}
