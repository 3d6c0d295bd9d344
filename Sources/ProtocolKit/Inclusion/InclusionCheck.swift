import SessionModel

/// One participant against a protocol's inclusion criteria, on the inclusion date.
public struct InclusionCheck: Hashable, Sendable {
  public var participant: ParticipantCode
  /// Empty when the participant is eligible.
  public var reasons: [IneligibilityReason]
  /// The last day within the stroke window (`months_since_stroke.max`), when the protocol has one
  /// and the stroke month is known.
  public var windowEnds: CalendarDate?
  /// Planned session numbers that fall after ``windowEnds``.
  public var sessionsAfterWindow: [Int]
  /// Set when the participant is in the stroke window by its month but its edge month: only the
  /// stroke's day can say whether they are eligible on the inclusion date.
  public var strokeWindowEdge: StrokeWindowEdge?

  public var isEligible: Bool { reasons.isEmpty }

  /// Checks `participant` as included on `inclusionDate`, against `schedule` for the window.
  public init(
    _ participant: Participant, criteria: InclusionCriteria, inclusionDate: CalendarDate, schedule: Schedule? = nil
  ) {
    self.participant = participant.code
    var reasons: [IneligibilityReason] = []
    var windowEnds: CalendarDate?
    var edge: StrokeWindowEdge?
    if let allowed = criteria.monthsSinceStroke {
      if let stroke = participant.strokeMonth {
        let months = stroke.months(until: inclusionDate)
        if !allowed.contains(months) { reasons.append(.outsideStrokeWindow(months: months, allowed: allowed)) }
        edge = StrokeWindowEdge(months: months, allowed: allowed)
        windowEnds = stroke.lastDay(monthsLater: allowed.upperBound)
      } else {
        reasons.append(.strokeMonthMissing)
      }
    }
    if criteria.singleUnilateralStroke {
      switch participant.strokeCount {
      case nil: reasons.append(.strokeCountMissing)
      case 1?: break
      case let count?: reasons.append(.notASingleStroke(count: count))
      }
      switch participant.lesionSide {
      case nil: reasons.append(.lesionSideMissing)
      case .bilateral?: reasons.append(.bilateralLesion)
      case .left?, .right?: break
      }
    }
    if criteria.noComprehensionOrExpressionDisorder {
      switch participant.languageAssessment {
      case .notAssessed: reasons.append(.languageNotAssessed)
      case .noDisorder: break
      case let disorder: reasons.append(.languageDisorder(disorder))
      }
    }
    if criteria.smellScreeningDone, participant.smell == .notScreened { reasons.append(.smellNotScreened) }
    self.reasons = reasons
    self.windowEnds = windowEnds
    self.strokeWindowEdge = edge
    self.sessionsAfterWindow =
      windowEnds.map { end in (schedule?.sessions ?? []).filter { $0.date > end }.map(\.number) } ?? []
  }
}

extension ClinicalProtocol {
  /// The day eligibility is judged on: the schedule's first session, else `fallback` (today).
  public func inclusionDate(otherwise fallback: CalendarDate) -> CalendarDate { schedule.start ?? fallback }

  /// `participant` checked against this protocol's criteria on ``inclusionDate(otherwise:)``.
  public func check(_ participant: Participant, today: CalendarDate) -> InclusionCheck {
    let start = inclusionDate(otherwise: today)
    return InclusionCheck(
      participant, criteria: inclusion, inclusionDate: start,
      schedule: ScheduleBuilder(settings: schedule).schedule(startingOn: start))
  }
}
