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
///   protocol's constraints hold for every row).
public struct SessionPlanner: Sendable {
  public let clinicalProtocol: ClinicalProtocol
  /// Draws of the within-session image order before giving up on the constraints.
  static let maximumArrangementAttempts = 500

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
    let pool = random.shuffled(setup.stimuli)

    // The condition sequence of a session for each square row: the row cycled over the trials.
    let sequences = square.rows.map { row in
      (0..<trialCount).map { symbols[row[$0 % conditionCount]] }
    }
    for sequence in sequences where longestRun(in: sequence) > setup.counterbalancing.maximumSameConditionInARow {
      throw PlanningFailure(message: ProblemText.runTooShort(setup.counterbalancing.maximumSameConditionInARow, conditions: conditionCount))
    }

    var arrangements: [[Stimulus]] = []
    for (index, _) in schedule.sessions.enumerated() {
      let window = (0..<trialCount).map { pool[(index * trialCount + $0) % pool.count] }
      arrangements.append(try arrange(window, for: sequences, session: index + 1, random: &random))
    }

    let unitCount: Int
    switch setup.counterbalancing.unit {
    case .group: unitCount = (participants + setup.groupSize - 1) / setup.groupSize
    case .participant: unitCount = participants
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
      let game = condition.includesGame && !setup.games.isEmpty
        ? setup.games[((scheduled.number - 1) * setup.trialsPerSession + index) % setup.games.count].kind : nil
      return Trial(
        id: TrialID("\(sessionID)-T\(index + 1)"), number: index + 1, stimulus: stimulus.id, condition: condition,
        game: game, scent: condition.includesScent ? stimulus.pairedScent : nil)
    }
    return Session(
      id: SessionID(sessionID), study: setup.id, group: isGroup ? GroupID(unit) : nil, number: scheduled.number,
      date: scheduled.date, kind: setup.kind, trials: trials)
  }

  /// Orders a session's images so that no row of the square breaks the scent constraint.
  private func arrange(
    _ window: [Stimulus], for sequences: [[Condition]], session: Int, random: inout SplitMix64
  ) throws(PlanningFailure) -> [Stimulus] {
    guard clinicalProtocol.counterbalancing.noScentTwiceInARow else { return random.shuffled(window) }
    for _ in 0..<Self.maximumArrangementAttempts {
      let candidate = random.shuffled(window)
      if sequences.allSatisfy({ scentsAlternate(conditions: $0, stimuli: candidate) }) { return candidate }
    }
    throw PlanningFailure(
      message: LocalizedText(
        fr: "impossible d'ordonner les images de la séance \(session) sans deux odeurs de même famille à la suite. Ajoutez au protocole des images d'autres familles d'odeurs ou mettez « no_scent_twice_in_a_row: false ».",
        en: "cannot order the images of session \(session) without two scents of the same family in a row. Add images of other scent families to the protocol or set 'no_scent_twice_in_a_row: false'."))
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
