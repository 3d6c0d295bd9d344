import ProtocolKit
import SessionModel
import Testing

/// `groups plan`: strata never mixed, sizes within the protocol's and even, aphasia types spread,
/// everyone placed once, the same seed giving the same proposal.
@Suite struct GroupPlannerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let withMemory: Int
    let without: Int
    let groupSize: Int
    let seed: UInt64
    var testDescription: String { "\(withMemory)+\(without) in groups of \(groupSize), seed \(seed)" }
  }

  static let stratification = Stratification(
    by: .memoryDisorder, armWith: "avec", armWithout: "sans", balance: [.aphasia, .usableHand])

  /// Participants whose aphasia type and hand cycle at different rates, so strata mix them unevenly.
  static func participants(withMemory: Int, without: Int) -> [Participant] {
    let aphasias: [AphasiaType] = [.none, .anomic, .broca, .none, .conduction]
    let hands: [UsableHand] = [.right, .left, .both]
    return (0..<(withMemory + without)).map { index in
      Participant(
        code: ParticipantCode(rawValue: "P\(index + 1 < 10 ? "0" : "")\(index + 1)")!,
        usableHand: hands[index % hands.count], aphasia: aphasias[(index * 7) % aphasias.count],
        hasMemoryDisorder: index < withMemory)
    }
  }

  @Test(arguments: [
    Case(withMemory: 10, without: 10, groupSize: 10, seed: 1),
    Case(withMemory: 12, without: 9, groupSize: 10, seed: 2),
    Case(withMemory: 23, without: 1, groupSize: 10, seed: 3),
    Case(withMemory: 0, without: 17, groupSize: 4, seed: 4),
    Case(withMemory: 7, without: 7, groupSize: 3, seed: 5),
    Case(withMemory: 1, without: 0, groupSize: 10, seed: 6),
  ])
  func proposalsKeepTheConstraints(_ c: Case) {
    let people = Self.participants(withMemory: c.withMemory, without: c.without)
    let byCode = Dictionary(uniqueKeysWithValues: people.map { ($0.code, $0) })
    let planner = GroupPlanner(groupSize: c.groupSize, stratification: Self.stratification, seed: c.seed)
    let groups = planner.propose(people)

    // Everyone once.
    #expect(groups.flatMap(\.members).sorted() == people.map(\.code).sorted())
    // Ids in order.
    #expect(groups.map(\.id.rawValue) == groups.indices.map { "G\($0 + 1 < 10 ? "0" : "")\($0 + 1)" })
    for stratum in [true, false] {
      let population = groups.filter { $0.hasMemoryDisorder == stratum }
      let size = stratum ? c.withMemory : c.without
      // Pure strata, with their arm.
      for group in population {
        #expect(group.members.allSatisfy { byCode[$0]!.hasMemoryDisorder == stratum })
        #expect(group.arm == (stratum ? "avec" : "sans"))
      }
      // As few groups as the size allows, sizes within it and differing by one at most.
      #expect(population.count == (size + c.groupSize - 1) / c.groupSize)
      let sizes = population.map(\.members.count)
      #expect(sizes.allSatisfy { $0 <= c.groupSize })
      if let smallest = sizes.min(), let largest = sizes.max() { #expect(largest - smallest <= 1) }
      // Each aphasia type spread: counts per group differ by one at most.
      for aphasia in AphasiaType.allCases {
        let counts = population.map { $0.members.filter { byCode[$0]!.aphasia == aphasia }.count }
        if let low = counts.min(), let high = counts.max() { #expect(high - low <= 1, "\(aphasia)") }
      }
    }
    // The same seed, the same proposal, whatever the order participants come in.
    #expect(planner.propose(people.reversed()) == groups)
  }

  @Test func anotherSeedDrawsOtherGroups() {
    let people = Self.participants(withMemory: 20, without: 0)
    let proposals = (1...5).map {
      GroupPlanner(groupSize: 10, stratification: Self.stratification, seed: $0).propose(people).map(\.members)
    }
    #expect(Set(proposals).count > 1)
  }

  @Test func numberingStartsWhereAsked() {
    let groups = GroupPlanner(groupSize: 10, stratification: Self.stratification, seed: 1)
      .propose(Self.participants(withMemory: 3, without: 3), firstNumber: 9)
    #expect(groups.map(\.id.rawValue) == ["G09", "G10"])
  }
}
