import SessionModel

/// Everything an export may show, read in one go: the sessions of a study (or all), their groups,
/// answers, recordings, latest memory codings and events. Participant codes only: the database
/// holds nothing else about identity.
public struct ExportSnapshot: Sendable {
  public var study: StudyID?
  public var sessions: [Session]
  public var groups: [GroupID: ParticipantGroup]
  public var measures: [AnswerMeasures]
  public var recordings: [AnswerKey: Recording]
  public var latestCodings: [AnswerKey: MemoryCoding]
  public var events: [StoredEvent]

  public init(
    study: StudyID?, sessions: [Session], groups: [GroupID: ParticipantGroup], measures: [AnswerMeasures],
    recordings: [AnswerKey: Recording], latestCodings: [AnswerKey: MemoryCoding], events: [StoredEvent]
  ) {
    self.study = study
    self.sessions = sessions
    self.groups = groups
    self.measures = measures
    self.recordings = recordings
    self.latestCodings = latestCodings
    self.events = events
  }

  /// Reads the sessions of `study` (every session when `nil`) and what belongs to them.
  public static func load(from database: SessionDatabase, study: StudyID? = nil) throws -> ExportSnapshot {
    let sessions = try database.sessions.fetchAll(study: study)
    let sessionIDs = Set(sessions.map(\.id))
    let groups = try database.groups.fetchAll().filter { group in sessions.contains { $0.group == group.id } }
    let recordings = try database.recordings.fetchAll().filter { sessionIDs.contains($0.session) }
    let events: [StoredEvent] =
      if study == nil {
        try database.eventLog.allEvents()
      } else {
        try database.eventLog.allEvents().filter { sessionIDs.contains($0.event.session) }
      }
    return ExportSnapshot(
      study: study,
      sessions: sessions,
      groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0) }),
      measures: try database.measures.fetchAll().filter { sessionIDs.contains($0.answer.session) },
      recordings: Dictionary(uniqueKeysWithValues: recordings.map { (AnswerKey(of: $0), $0) }),
      latestCodings: try database.measures.latestCodings().filter { sessionIDs.contains($0.key.session) },
      events: events)
  }
}

extension AnswerKey {
  init(of recording: Recording) {
    self.init(session: recording.session, trial: recording.trial, participant: recording.participant)
  }
}
