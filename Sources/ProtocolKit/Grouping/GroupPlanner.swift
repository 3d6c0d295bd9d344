import SessionModel

/// One group `groups plan` proposes: its members and the population (stratum) they come from.
public struct ProposedGroup: Hashable, Sendable, Codable {
  public var id: GroupID
  public var arm: String?
  /// The stratum's value: `true` for the population with memory disorders.
  public var hasMemoryDisorder: Bool
  public var members: [ParticipantCode]

  public init(id: GroupID, arm: String?, hasMemoryDisorder: Bool, members: [ParticipantCode]) {
    self.id = id
    self.arm = arm
    self.hasMemoryDisorder = hasMemoryDisorder
    self.members = members
  }
}

/// Proposes groups ("cartographie") from eligible participants, by a protocol's stratification.
///
/// Each stratum (memory disorder yes / no) is split into as few groups as the group size allows,
/// their sizes differing by at most one. Within a stratum the participants are shuffled with the
/// seed, sorted by the balance factors (aphasia type, then usable hand) and dealt to the groups in
/// turn, so each aphasia type is spread over the groups with counts differing by at most one, and
/// the hands as evenly as the aphasia types leave possible. The same seed and participants give the
/// same proposal on any machine (``SplitMix64``).
public struct GroupPlanner: Sendable {
  public var groupSize: Int
  public var stratification: Stratification
  public var seed: UInt64

  public init(groupSize: Int, stratification: Stratification, seed: UInt64) {
    self.groupSize = groupSize
    self.stratification = stratification
    self.seed = seed
  }

  /// Groups named `G01`, `G02`… from `firstNumber`, the population with memory disorders first.
  public func propose(_ participants: [Participant], firstNumber: Int = 1) -> [ProposedGroup] {
    var generator = SplitMix64(seed: seed)
    var groups: [ProposedGroup] = []
    for stratum in [true, false] {
      let members = participants.filter { $0.hasMemoryDisorder == stratum }.sorted { $0.code < $1.code }
      guard !members.isEmpty else { continue }
      let count = (members.count + groupSize - 1) / groupSize
      let ordered = generator.shuffled(members).enumerated()
        .sorted { left, right in
          let (leftKey, rightKey) = (balanceKey(left.element), balanceKey(right.element))
          return leftKey != rightKey ? leftKey.lexicographicallyPrecedes(rightKey) : left.offset < right.offset
        }
        .map(\.element)
      var dealt = Array(repeating: [ParticipantCode](), count: count)
      for (index, participant) in ordered.enumerated() { dealt[index % count].append(participant.code) }
      for members in dealt {
        let number = firstNumber + groups.count
        groups.append(
          ProposedGroup(
            id: GroupID("G\(number < 10 ? "0" : "")\(number)"),
            arm: stratum ? stratification.armWith : stratification.armWithout, hasMemoryDisorder: stratum,
            members: members))
      }
    }
    return groups
  }

  private func balanceKey(_ participant: Participant) -> [String] {
    stratification.balance.map {
      switch $0 {
      case .aphasia: participant.aphasia.rawValue
      case .usableHand: participant.usableHand.rawValue
      }
    }
  }
}
