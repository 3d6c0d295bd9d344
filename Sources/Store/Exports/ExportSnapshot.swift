import Foundation
import SessionModel
import SpeechKit

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
  /// The transcripts beside the recordings, when loaded (``load(from:study:group:session:transcripts:)``).
  public var transcripts: [AnswerKey: Transcript]
  /// What the review workstation's coders gave each answer (reviewed timings, codings, consensus).
  public var reviews: [AnswerKey: AnswerReview]

  public init(
    study: StudyID?, sessions: [Session], groups: [GroupID: ParticipantGroup], measures: [AnswerMeasures],
    recordings: [AnswerKey: Recording], latestCodings: [AnswerKey: MemoryCoding], events: [StoredEvent],
    transcripts: [AnswerKey: Transcript] = [:], reviews: [AnswerKey: AnswerReview] = [:]
  ) {
    self.transcripts = transcripts
    self.reviews = reviews
    self.study = study
    self.sessions = sessions
    self.groups = groups
    self.measures = measures
    self.recordings = recordings
    self.latestCodings = latestCodings
    self.events = events
  }

  /// Each answer's measures, for writers that look them up by answer (one row per answer in the store).
  var measuresByAnswer: [AnswerKey: AnswerMeasures] {
    Dictionary(measures.map { ($0.answer, $0) }) { first, _ in first }
  }

  /// Refuses measures of a trial the snapshot's sessions do not plan (a damaged database).
  func requireKnownTrials() throws {
    let sessions = Dictionary(self.sessions.map { ($0.id, $0) }) { first, _ in first }
    for answer in measures.map(\.answer) {
      guard let session = sessions[answer.session], session.trials.contains(where: { $0.id == answer.trial }) else {
        throw StoreError.unknownTrial(answer.session, answer.trial)
      }
    }
  }

  /// Reads the sessions of `study` (every session when `nil`), optionally only those of one group
  /// or one session, and what belongs to them; with `transcripts`, also the transcripts beside the
  /// recordings (relative recording paths are resolved from the database's folder).
  public static func load(
    from database: SessionDatabase, study: StudyID? = nil, group: GroupID? = nil, session: SessionID? = nil,
    transcripts: Bool = false
  ) throws -> ExportSnapshot {
    let sessions = try database.sessions.fetchAll(study: study).filter { candidate in
      (group == nil || candidate.group == group) && (session == nil || candidate.id == session)
    }
    let filtered = study != nil || group != nil || session != nil
    let sessionIDs = Set(sessions.map(\.id))
    let groups = try database.groups.fetchAll().filter { group in sessions.contains { $0.group == group.id } }
    let recordings = try database.recordings.fetchAll().filter { sessionIDs.contains($0.session) }
    let events: [StoredEvent] =
      if !filtered {
        try database.eventLog.allEvents()
      } else {
        try database.eventLog.allEvents().filter { sessionIDs.contains($0.event.session) }
      }
    let recordingsByAnswer = Dictionary(uniqueKeysWithValues: recordings.map { ($0.answer, $0) })
    return ExportSnapshot(
      study: study,
      sessions: sessions,
      groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0) }),
      measures: try database.measures.fetchAll().filter { sessionIDs.contains($0.answer.session) },
      recordings: recordingsByAnswer,
      latestCodings: try database.measures.latestCodings().filter { sessionIDs.contains($0.key.session) },
      events: events,
      transcripts: transcripts ? try AnswerTranscripts.load(for: recordingsByAnswer, in: database) : [:],
      reviews: try database.review.records(in: sessionIDs))
  }
}
