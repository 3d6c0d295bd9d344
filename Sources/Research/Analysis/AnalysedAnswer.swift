import SessionModel
import SpeechKit
import Store

/// The one take of a planned answer that the analysis tables count (``AnswerSelection``), with
/// what the plan and the log say about its trial.
public struct AnalysedAnswer: Sendable {
  /// The run the chosen take was recorded in.
  public var session: Session
  public var trial: Trial
  public var group: ParticipantGroup?
  /// The answering participant's record (memory-disorder status, smell screening); `nil` when the
  /// database has no record of the code.
  public var participant: Participant?
  public var measures: AnswerMeasures
  public var recording: Recording?
  public var coding: MemoryCoding?
  /// The review workstation's records of this take; empty when nobody reviewed it.
  public var review: AnswerReview = AnswerReview()
  /// Takes of this planned answer filed across all runs (1 when it was recorded once).
  public var takes: Int
  /// The cue scent's outcome; `nil` when the trial plans no scent.
  public var scent: ScentDelivery?
  /// True when the participant gave this answer while making up a session they missed.
  public var isMakeUp = false
  /// The participant's smell screening, when the participant is registered.
  public var smell: SmellScreening? { participant?.smell }

  /// A scent trial whose participant screened hyposmic or anosmic; `nil` when no scent was planned.
  public var isSmellFlaggedScentTrial: Bool? {
    guard trial.condition.includesScent else { return nil }
    return smell == .hyposmic || smell == .anosmic
  }

  public var answer: AnswerKey { measures.answer }
  public var planned: PlannedAnswer { PlannedAnswer(session: session, answer: answer) }

  /// The condition the plan set.
  public var plannedCondition: Condition { trial.condition }

  /// The condition the participant met: without scent when the scent did not come out.
  public var deliveredCondition: Condition {
    scent?.deliveredCondition(planned: trial.condition) ?? trial.condition
  }

  /// The condition an analysis groups by.
  public func condition(by basis: ConditionBasis) -> Condition {
    basis == .planned ? plannedCondition : deliveredCondition
  }
}

/// Which condition an analysis compares: what was delivered (the default) or what was planned
/// (intention to treat).
public enum ConditionBasis: String, Sendable, Hashable, Codable, CaseIterable {
  case delivered
  case planned
}
