import SessionModel

/// Builds the counterbalanced sessions of a protocol for a number of participants.
///
/// - Condition order: each unit (group or participant) follows one row of a Williams square
///   (``LatinSquare/williams(size:)``), cycled through the session's trials; each later session
///   moves one row on, so a unit meets every order over the study.
/// - Stimuli: the pool is shuffled once, and session `s` takes the next `trialsPerSession`
///   images in that order, the same for every unit. Because the square's rows give each trial
///   position every condition equally often, every image appears equally often in every
///   condition over a full rotation of units (one unit per square row).
/// - Randomisation: the seed draws which condition each square symbol stands for, which row each
///   unit starts on, the pool order, and the order of images within a session (redrawn until the
///   protocol's constraints hold for every row some unit follows in that session).
public struct SessionPlanner: Sendable {
  public let clinicalProtocol: ClinicalProtocol
  /// Draws of one session's image order before drawing a new pool order.
  static let maximumArrangementAttempts = 200
  /// Draws of the pool order before giving up on the constraints.
  static let maximumPoolAttempts = 20

  public init(protocol clinicalProtocol: ClinicalProtocol) {
    self.clinicalProtocol = clinicalProtocol
  }

  /// The most scent releases a session can hold when conditions are cycled in trial order.
  public static func maximumScentTrials(conditions: [Condition], trialsPerSession: Int) -> Int {
    guard !conditions.isEmpty else { return 0 }
    let scented = conditions.filter(\.includesScent).count
    return trialsPerSession / conditions.count * scented + min(trialsPerSession % conditions.count, scented)
  }

  public func plan(participants: Int, seed: UInt64, schedule: Schedule) throws(PlanningFailure) -> SessionPlan {
    let setup = clinicalProtocol
    let conditionCount = setup.conditions.count
    let trialCount = setup.trialsPerSession
    var random = SplitMix64(seed: seed)
    let square = LatinSquare.williams(size: conditionCount)
    let symbols = random.shuffled(setup.conditions)
    let startRows = random.shuffled(Array(square.rows.indices))

    // The condition sequence of a session for each square row: the row cycled over the trials.
    let sequences = square.rows.map { row in
      (0..<trialCount).map { symbols[row[$0 % conditionCount]] }
    }
    for sequence in sequences where longestRun(in: sequence) > setup.counterbalancing.maximumSameConditionInARow {
      throw PlanningFailure(
        message: ProblemText.runTooShort(setup.counterbalancing.maximumSameConditionInARow, conditions: conditionCount))
    }

    let unitCount: Int
    switch setup.counterbalancing.unit {
    case .group: unitCount = (participants + setup.groupSize - 1) / setup.groupSize
    case .participant: unitCount = participants
    }
    // Only the rows some unit follows in a session constrain that session's image order.
    let rowsInUse = (0..<schedule.sessions.count).map { index in
      Set(startRows.prefix(unitCount).map { ($0 + index) % sequences.count }).sorted().map { sequences[$0] }
    }
    var arrangements: [[Stimulus]]?
    for _ in 0..<Self.maximumPoolAttempts where arrangements == nil {
      arrangements = arrange(pool: random.shuffled(setup.stimuli), rowsInUse: rowsInUse, random: &random)
    }
    guard let arrangements else {
      throw PlanningFailure(
        message: LocalizedText(
          fr:
            "impossible d'ordonner les images sans deux odeurs de même famille à la suite. Ajoutez au protocole des images d'autres familles d'odeurs ou mettez « no_scent_twice_in_a_row: false ».",
          en:
            "cannot order the images without two scents of the same family in a row. Add images of other scent families to the protocol or set 'no_scent_twice_in_a_row: false'."
        ))
    }

    var units: [PlannedUnit] = []
    units.reserveCapacity(unitCount)
    for unitIndex in 0..<unitCount {
      let members: [ParticipantCode]
      let name: String
      switch setup.counterbalancing.unit {
      case .group:
        let first = unitIndex * setup.groupSize + 1
        members = (first...min(participants, first + setup.groupSize - 1)).map { ParticipantCode.numbered($0) }
        name = ParticipantCode.numbered(unitIndex + 1, prefix: "G").rawValue
      case .participant:
        members = [ParticipantCode.numbered(unitIndex + 1)]
        name = members[0].rawValue
      }
      let startRow = startRows[unitIndex % startRows.count]
      let sessions = schedule.sessions.enumerated().map { index, scheduled in
        session(
          unit: name, isGroup: setup.counterbalancing.unit == .group, scheduled: scheduled,
          conditions: sequences[(startRow + index) % sequences.count], stimuli: arrangements[index])
      }
      units.append(PlannedUnit(name: name, members: members, squareRow: startRow, sessions: sessions))
    }
    return SessionPlan(
      study: setup.id, seed: seed, participants: participants, unit: setup.counterbalancing.unit,
      conditionSymbols: symbols, units: units)
  }

  private func session(
    unit: String, isGroup: Bool, scheduled: ScheduledSession, conditions: [Condition], stimuli: [Stimulus]
  ) -> Session {
    let setup = clinicalProtocol
    let sessionID = "\(unit)-S\(scheduled.number < 10 ? "0" : "")\(scheduled.number)"
    let trials = zip(conditions, stimuli).enumerated().map { index, pair in
      let (condition, stimulus) = pair
      let game =
        condition.includesGame && !setup.games.isEmpty
        ? setup.games[((scheduled.number - 1) * setup.trialsPerSession + index) % setup.games.count].kind : nil
      return Trial(
        id: TrialID("\(sessionID)-T\(index + 1)"), number: index + 1, stimulus: stimulus.id, condition: condition,
        game: game, scent: condition.includesScent ? stimulus.pairedScent : nil)
    }
    return Session(
      id: SessionID(sessionID), study: setup.id, group: isGroup ? GroupID(unit) : nil, number: scheduled.number,
      date: scheduled.date, kind: setup.kind, trials: trials)
  }

  /// Each session's images, taken in turn from `pool` and ordered so that no row in use breaks the
  /// scent constraint; `nil` when some session cannot be ordered from this pool.
  private func arrange(pool: [Stimulus], rowsInUse: [[[Condition]]], random: inout SplitMix64) -> [[Stimulus]]? {
    let trialCount = clinicalProtocol.trialsPerSession
    var arrangements: [[Stimulus]] = []
    for (index, rows) in rowsInUse.enumerated() {
      let window = (0..<trialCount).map { pool[(index * trialCount + $0) % pool.count] }
      guard clinicalProtocol.counterbalancing.noScentTwiceInARow else {
        arrangements.append(random.shuffled(window))
        continue
      }
      var found: [Stimulus]?
      for _ in 0..<Self.maximumArrangementAttempts where found == nil {
        let candidate = random.shuffled(window)
        if rows.allSatisfy({ scentsAlternate(conditions: $0, stimuli: candidate) }) { found = candidate }
      }
      guard let found else { return nil }
      arrangements.append(found)
    }
    return arrangements
  }

  /// Whether consecutive scent releases differ in scent and in family.
  func scentsAlternate(conditions: [Condition], stimuli: [Stimulus]) -> Bool {
    var previous: Scent?
    for (condition, stimulus) in zip(conditions, stimuli) where condition.includesScent {
      let scent = stimulus.pairedScent.flatMap(clinicalProtocol.scent)
      if let previous, let scent, previous.id == scent.id || previous.family == scent.family { return false }
      previous = scent
    }
    return true
  }

  private func longestRun(in sequence: [Condition]) -> Int {
    var longest = 0
    var current = 0
    var previous: Condition?
    for condition in sequence {
      current = condition == previous ? current + 1 : 1
      longest = max(longest, current)
      previous = condition
    }
    return longest
  }
}
