/// Whether a participant took part in one planned session: a recorded fact, so that a missing
/// answer is never mistaken for an absence or the other way round.
public enum AttendanceStatus: String, CaseIterable, Sendable, Codable {
  case present
  case absent
  /// Came, then left before the end; the answers given before leaving are kept.
  case leftEarly = "left_early"
}

/// Why a participant missed a session.
public enum AbsenceReason: String, CaseIterable, Sendable, Codable {
  case ill
  /// A medical or other appointment at the same time.
  case appointment
  /// Left the centre (discharged home or transferred).
  case discharged
  case refused
}

/// Who recorded an attendance status, so that a researcher can tell a fact entered by hand from one
/// the software inferred.
public enum AttendanceSource: String, CaseIterable, Sendable, Codable {
  /// The therapist, with `connectage session attendance`.
  case therapist
  /// The run, for the participants seated when it ended.
  case run
  /// Recovery, from the log of a run that was killed before it could record attendance: the
  /// participants it shows seated or answering.
  case recovery
}

/// One participant's attendance at one planned session of their group.
///
/// `madeUpIn` names the run where a missed session was made up: a catch-up run of the same planned
/// session (same trial order) or another group's run. A make-up run killed and resumed is one
/// make-up: `madeUpIn` names the first run of that chain (``RunChains``), and the answers given in
/// every run of the chain are the make-up's.
public struct Attendance: Hashable, Sendable, Codable {
  public var study: StudyID
  public var group: GroupID
  /// The planned session number, from 1.
  public var sessionNumber: Int
  public var participant: ParticipantCode
  public var status: AttendanceStatus
  /// Set for `absent` only.
  public var reason: AbsenceReason?
  /// The run that made up the missed session (the first of its chain), if it was made up.
  public var madeUpIn: SessionID?
  /// Who recorded ``status``; nil for a record made before ConnectAge kept it.
  public var recordedBy: AttendanceSource?

  public init(
    study: StudyID, group: GroupID, sessionNumber: Int, participant: ParticipantCode, status: AttendanceStatus,
    reason: AbsenceReason? = nil, madeUpIn: SessionID? = nil, recordedBy: AttendanceSource?
  ) {
    self.study = study
    self.group = group
    self.sessionNumber = sessionNumber
    self.participant = participant
    self.status = status
    self.reason = reason
    self.madeUpIn = madeUpIn
    self.recordedBy = recordedBy
  }
}
