import ProtocolKit
import SessionModel
import Testing

@Suite struct SessionPlannerTests {
  static let threeConditions: [Condition] = [.image, .imageGame, .imageScent]
  static let fourConditions: [Condition] = [.image, .imageGame, .imageScent, .imageGameScent]

  struct Design: CustomTestStringConvertible, Sendable {
    let conditions: [Condition]
    let participants: Int
    var testDescription: String { "\(conditions.count) conditions, \(participants) participants" }
  }

  static let designs = [threeConditions, fourConditions].flatMap { conditions in
    [4, 10, 12].map { Design(conditions: conditions, participants: $0) }
  }

  static func plan(_ design: Design, seed: UInt64 = 2027, sessions: Int = 4) throws -> SessionPlan {
    let setup = ProtocolFactory.make(conditions: design.conditions)
    return try SessionPlanner(protocol: setup).plan(
      participants: design.participants, seed: seed, schedule: ProtocolFactory.schedule(sessions: sessions))
  }

  /// The condition order of one session: its first trials, one per condition.
  static func order(_ session: Session, conditionCount: Int) -> [Condition] {
    session.trials.prefix(conditionCount).map(\.condition)
  }

  @Test(arguments: designs)
  func everySessionCyclesAPermutationOfTheConditions(design: Design) throws {
    let count = design.conditions.count
    for session in try Self.plan(design).sessions {
      let conditions = session.trials.map(\.condition)
      #expect(Set(conditions.prefix(count)) == Set(design.conditions))
      for (index, condition) in conditions.enumerated() {
        #expect(condition == conditions[index % count])
      }
    }
  }

  @Test(arguments: designs)
  func positionsAndNeighboursAreBalancedOverEachFullRotation(design: Design) throws {
    let count = design.conditions.count
    let square = LatinSquare.williams(size: count)
    let rotation = square.rows.count
    let plan = try Self.plan(design)
    for sessionIndex in 0..<4 {
      let orders = plan.units.map { Self.order($0.sessions[sessionIndex], conditionCount: count) }
      var start = 0
      while start < orders.count {
        let block = orders[start..<min(orders.count, start + rotation)]
        for position in 0..<count {
          let tally = Dictionary(grouping: block.map { $0[position] }, by: { $0 }).mapValues(\.count)
          if block.count == rotation {
            #expect(tally.count == count && Set(tally.values) == [rotation / count], "position \(position)")
          } else {
            #expect(tally.values.allSatisfy { $0 <= square.squareCount }, "partial rotation, position \(position)")
          }
        }
        if block.count == rotation {
          var pairs: [[Condition]: Int] = [:]
          for order in block {
            for (first, second) in zip(order, order.dropFirst()) { pairs[[first, second], default: 0] += 1 }
          }
          #expect(pairs.count == count * (count - 1))
          #expect(Set(pairs.values) == [square.squareCount])
        }
        start += rotation
      }
    }
  }

  @Test(arguments: [(threeConditions, 12), (fourConditions, 4), (fourConditions, 12)])
  func everyImageAppearsEquallyOftenInEveryConditionOverAFullRotation(conditions: [Condition], participants: Int)
    throws
  {
    let plan = try Self.plan(Design(conditions: conditions, participants: participants))
    for sessionIndex in 0..<4 {
      var tally: [StimulusID: [Condition: Int]] = [:]
      for unit in plan.units {
        for trial in unit.sessions[sessionIndex].trials {
          tally[trial.stimulus, default: [:]][trial.condition, default: 0] += 1
        }
      }
      #expect(tally.count == 6)
      for (stimulus, byCondition) in tally {
        #expect(byCondition.count == conditions.count, "\(stimulus)")
        #expect(Set(byCondition.values) == [participants / conditions.count], "\(stimulus)")
      }
    }
  }

  @Test func sessionsWalkThroughTheWholePoolBeforeRepeating() throws {
    let plan = try Self.plan(Design(conditions: Self.threeConditions, participants: 3), sessions: 4)
    let shown = plan.units[0].sessions.flatMap { $0.trials.map(\.stimulus) }
    #expect(Set(shown).count == 24)
  }

  @Test(arguments: designs)
  func sameSeedSamePlanOtherSeedOtherPlan(design: Design) throws {
    let first = try Self.plan(design, seed: 11)
    #expect(try Self.plan(design, seed: 11) == first)
    #expect(try Self.plan(design, seed: 12) != first)
    #expect(first.seed == 11)
  }

  @Test(arguments: designs)
  func constraintsHoldInEverySession(design: Design) throws {
    let setup = ProtocolFactory.make(conditions: design.conditions)
    let plan = try Self.plan(design, sessions: 8)
    for session in plan.sessions {
      for (first, second) in zip(session.trials, session.trials.dropFirst()) {
        #expect(first.condition != second.condition)
      }
      let released = session.trials.compactMap(\.scent).map { setup.scent($0)! }
      for (first, second) in zip(released, released.dropFirst()) {
        #expect(first.id != second.id && first.family != second.family, "\(session.id)")
      }
    }
  }

  @Test(arguments: designs)
  func trialsCarryTheirScentAndGameExactlyWhenTheConditionAsks(design: Design) throws {
    let setup = ProtocolFactory.make(conditions: design.conditions)
    for trial in try Self.plan(design).sessions.flatMap(\.trials) {
      let stimulus = try #require(setup.stimulus(trial.stimulus))
      #expect(trial.scent == (trial.condition.includesScent ? stimulus.pairedScent : nil))
      #expect((trial.game != nil) == trial.condition.includesGame)
    }
  }

  @Test(arguments: [(1, 1), (10, 1), (11, 2), (23, 3), (30, 3)])
  func groupsHoldAtMostTenParticipants(participants: Int, groups: Int) throws {
    let setup = ProtocolFactory.make(conditions: Self.threeConditions, unit: .group)
    let plan = try SessionPlanner(protocol: setup).plan(
      participants: participants, seed: 1, schedule: ProtocolFactory.schedule(sessions: 2))
    #expect(plan.units.count == groups)
    #expect(plan.units.allSatisfy { (1...10).contains($0.members.count) })
    #expect(Set(plan.units.flatMap(\.members)).count == participants)
    for unit in plan.units {
      #expect(unit.sessions.allSatisfy { $0.group == GroupID(unit.name) })
    }
  }

  @Test func sessionsFollowTheScheduleDates() throws {
    let schedule = ProtocolFactory.schedule(sessions: 3)
    let plan = try SessionPlanner(protocol: ProtocolFactory.make(conditions: Self.threeConditions)).plan(
      participants: 2, seed: 5, schedule: schedule)
    for unit in plan.units {
      #expect(unit.sessions.map(\.date) == schedule.sessions.map(\.date))
      #expect(unit.sessions.map(\.number) == [1, 2, 3])
    }
  }

  @Test func impossibleScentConstraintIsExplained() {
    // Every image smells of the same family: two scent conditions side by side cannot alternate.
    var setup = ProtocolFactory.make(conditions: [.imageScent, .imageGameScent], trialsPerSession: 4, pool: 4)
    setup.scents = setup.scents.map {
      var scent = $0; scent.family = .fruit; return scent
    }
    #expect(throws: PlanningFailure.self) {
      try SessionPlanner(protocol: setup).plan(
        participants: 2, seed: 3, schedule: ProtocolFactory.schedule(sessions: 1))
    }
  }

  @Test(arguments: [
    ([Condition.image, .imageGame, .imageScent], 6, 2), ([.image, .imageGame, .imageScent], 7, 3),
    ([.imageScent, .imageGameScent], 5, 5), ([.image], 4, 0),
  ])
  func maximumScentTrials(conditions: [Condition], trials: Int, expected: Int) {
    #expect(SessionPlanner.maximumScentTrials(conditions: conditions, trialsPerSession: trials) == expected)
  }

  @Test(arguments: ["espoir-avc.yaml", "ehpad-animation.yaml", "demo.yaml"], [1, 10, 60, 200])
  func shippedProtocolsPlanWithTheirConstraints(file: String, participants: Int) throws {
    let setup = try ProtocolLoader.load(
      contentsOf: RepositoryPaths.protocols.appendingPathComponent(file), assets: RepositoryPaths.assets)
    let schedule = ScheduleBuilder(settings: setup.schedule).schedule(startingOn: CalendarDate("2027-01-04")!)
    let plan = try SessionPlanner(protocol: setup).plan(participants: participants, seed: 99, schedule: schedule)
    #expect(plan.units.flatMap(\.members).count == participants)
    for session in plan.sessions {
      #expect(session.trials.count == setup.trialsPerSession)
      let released = session.trials.compactMap(\.scent).map { setup.scent($0)! }
      for (first, second) in zip(released, released.dropFirst()) {
        #expect(first.family != second.family, "\(file) \(session.id)")
      }
    }
  }
}
