import SessionModel
import Store

/// One present participant × one trial that was presented to them: whether they answered it.
///
/// `measures.csv` holds the answers that were filed; this row also exists when none was, so that
/// answering at all is an outcome an analysis can compare across conditions (``Participation``).
public struct ParticipationRow: Sendable {
  /// The run the row describes: where the counted take was recorded when there is one, else the
  /// last run that showed the trial's image.
  public var session: Session
  public var trial: Trial
  public var group: ParticipantGroup?
  public var participantCode: ParticipantCode
  /// The participant's record (memory-disorder status, smell screening); `nil` when unregistered.
  public var participant: Participant?
  /// `present` or `leftEarly`: absent participants have no rows.
  public var attendance: AttendanceStatus
  /// True when the participant was at the table to make up a session they missed.
  public var isMakeUp: Bool
  /// The cue scent's outcome in ``session``; `nil` when the trial plans no scent.
  public var scent: ScentDelivery?
  /// Whether the evocation question came up in a run that showed the image (`evocation.started`).
  public var wasAsked: Bool
  /// Why no answer was filed; `nil` when one was.
  public var noAnswer: NoAnswerReason?

  public var answered: Bool { noAnswer == nil }

  public var plannedCondition: Condition { trial.condition }

  /// The condition met, by the rule `measures.csv` follows (``ScentDelivery``).
  public var deliveredCondition: Condition {
    scent?.deliveredCondition(planned: trial.condition) ?? trial.condition
  }

  public func condition(by basis: ConditionBasis) -> Condition {
    basis == .planned ? plannedCondition : deliveredCondition
  }

  public var planned: PlannedAnswer {
    PlannedAnswer(
      study: session.study, group: session.group, sessionNumber: session.number, trial: trial.id,
      participant: participantCode)
  }
}
