import SessionModel

extension DatabaseCheck {
  /// Answers the log announced (`recording.started`) that nothing accounts for: no recording
  /// filed, no `recording.failed`, no `recording.superseded`. A full disk that left a take of
  /// 0 bytes, or a filing that failed, shows up here instead of passing as "no problem". A
  /// `recording.unfiled` accounts for nothing: its take is on disk, still missing from the
  /// exports, until a recovery files it.
  ///
  /// Takes are counted per answer (session × trial × participant): each announced take must be
  /// the filed recording, or be explained by a failure or a later take that superseded it. Only
  /// sessions the log closed (`session.ended`, `session.interrupted`) are checked: an open one
  /// is running, or waits for `connectage db recover`. A latecomer's takes count for the
  /// participant the therapist named them as (``TakeOwners``); takes of a seat without a
  /// participant are never filed, by design, and are left out.
  func unfiledAnswers() throws -> [DatabaseProblem] {
    let types: [EventType] = [
      .recordingStarted, .recordingFailed, .recordingSuperseded, .sessionEnded, .sessionInterrupted, .playerAttributed,
    ]
    var announced: [AnswerKey: Int] = [:]
    var explained: [AnswerKey: Int] = [:]
    var closed: Set<SessionID> = []
    var order: [AnswerKey] = []
    let events = try database.eventLog.events(ofTypes: types).map(\.event)
    let owners = TakeOwners(events)
    for event in events {
      let explains: (session: SessionID, trial: TrialID, participant: ParticipantCode?)
      switch event.kind {
      case .session(.ended), .session(.interrupted):
        closed.insert(event.session)
        continue
      case .recording(.started(let take)):
        guard let participant = owners.participant(of: take, in: event.session) else { continue }
        let answer = AnswerKey(session: event.session, trial: take.trial, participant: participant)
        if announced[answer] == nil { order.append(answer) }
        announced[answer, default: 0] += 1
        continue
      case .recording(.failed(let failure)):
        guard let take = failure.take else { continue }
        explains = (event.session, take.trial, owners.participant(of: take, in: event.session))
      case .recording(.superseded(let trial, _, let participant, _, _, let replacedSession)):
        // A resumed run logs, under its own id, the take of an earlier run it superseded: that
        // explains the earlier run's take, not one of its own.
        explains = (replacedSession ?? event.session, trial, participant)
      default:
        continue
      }
      guard let participant = explains.participant else { continue }
      explained[AnswerKey(session: explains.session, trial: explains.trial, participant: participant), default: 0] += 1
    }
    let filed = Set(
      try database.recordings.fetchAll().map {
        AnswerKey(session: $0.session, trial: $0.trial, participant: $0.participant)
      })
    return order.compactMap { answer in
      guard closed.contains(answer.session) else { return nil }
      let missing = announced[answer, default: 0] - explained[answer, default: 0] - (filed.contains(answer) ? 1 : 0)
      return missing > 0 ? .unfiledAnswer(answer, takes: missing) : nil
    }
  }
}
