import SessionModel
import Store

/// One answer the protocol planned: one participant's answer to one planned trial of one planned
/// session, whatever the number of runs it took (a resumed run gets a new session id; the study,
/// group, session number and trial id stay).
public struct PlannedAnswer: Hashable, Sendable {
  public var study: StudyID?
  public var group: GroupID?
  /// The session's position in its group's schedule.
  public var sessionNumber: Int
  public var trial: TrialID
  public var participant: ParticipantCode

  public init(study: StudyID?, group: GroupID?, sessionNumber: Int, trial: TrialID, participant: ParticipantCode) {
    self.study = study
    self.group = group
    self.sessionNumber = sessionNumber
    self.trial = trial
    self.participant = participant
  }

  init(session: Session, answer: AnswerKey) {
    self.init(
      study: session.study, group: session.group, sessionNumber: session.number, trial: answer.trial,
      participant: answer.participant)
  }
}
