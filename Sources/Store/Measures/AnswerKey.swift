import SessionModel

/// One answer: what one participant said after one trial of one session.
public struct AnswerKey: Hashable, Comparable, Sendable {
  public var session: SessionID
  public var trial: TrialID
  public var participant: ParticipantCode

  public init(session: SessionID, trial: TrialID, participant: ParticipantCode) {
    self.session = session
    self.trial = trial
    self.participant = participant
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.session, lhs.trial, lhs.participant) < (rhs.session, rhs.trial, rhs.participant)
  }
}
