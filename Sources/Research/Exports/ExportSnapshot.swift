import Foundation
import SessionModel
import SpeechKit
import Store

/// Everything an export may show, read in one go: the sessions of a study (or all), their groups,
/// answers, recordings, latest memory codings and events. Participant codes only: the database
/// holds nothing else about identity.
///
/// The snapshot chooses, once, the take each planned answer counts (``analysedAnswers``); every
/// output of one export run (`measures.csv`, CHAT, TextGrid, statistics, coding sheet) reads that
/// one choice. Its contents are constants, so the choice cannot go stale.
public struct ExportSnapshot: Sendable {
  public let study: StudyID?
  public let sessions: [Session]
  public let groups: [GroupID: ParticipantGroup]
  /// The participants who answered, with what the analysis conditions on (memory-disorder status,
  /// smell screening); pseudonymous codes only.
  public let participants: [ParticipantCode: Participant]
  public let measures: [AnswerMeasures]
  public let recordings: [AnswerKey: Recording]
  public let latestCodings: [AnswerKey: MemoryCoding]
  public let events: [StoredEvent]
  /// The transcripts beside the recordings, when loaded (``load(from:study:group:session:transcripts:)``).
  public let transcripts: [AnswerKey: Transcript]
  /// What the review workstation's coders gave each answer (reviewed timings, codings, consensus).
  public let reviews: [AnswerKey: AnswerReview]
  /// Attendance facts of the study (all studies when unfiltered): `attendance.csv` and `make_up`.
  public let attendance: [Attendance]
  /// Which runs resume which, from the whole log: a make-up covers every run of its chain, even
  /// when the snapshot holds one run's events only.
  let runChains: RunChains
  /// The take each planned answer counts, in schedule order (``AnswerSelection``), chosen once
  /// when the snapshot is made.
  public private(set) var analysedAnswers: [AnalysedAnswer] = []
  /// Each present participant × presented trial, answered or not (``Participation``), read from the
  /// same choice of takes as ``analysedAnswers``.
  public private(set) var participation: [ParticipationRow] = []
  /// The recordings the per-answer exports (CHAT, TextGrid) write, under the rule `measures.csv`
  /// follows: the take each planned answer counts (``analysedAnswers``), and a recording filed
  /// without measures when no take of its planned answer is counted. The takes a later take
  /// superseded (a resumed run redoing a trial) are left out; they stay in the database, the log
  /// and their folder, and `takes_n` counts them.
  private(set) var countedRecordings: [AnswerKey: Recording] = [:]

  public init(
    study: StudyID?, sessions: [Session], groups: [GroupID: ParticipantGroup], measures: [AnswerMeasures],
    recordings: [AnswerKey: Recording], latestCodings: [AnswerKey: MemoryCoding], events: [StoredEvent],
    transcripts: [AnswerKey: Transcript] = [:], reviews: [AnswerKey: AnswerReview] = [:],
    attendance: [Attendance] = [], participants: [ParticipantCode: Participant] = [:], runChains: RunChains? = nil
  ) {
    self.attendance = attendance
    self.runChains = runChains ?? RunChains(events.map(\.event))
    self.participants = participants
    self.transcripts = transcripts
    self.reviews = reviews
    self.study = study
    self.sessions = sessions
    self.groups = groups
    self.measures = measures
    self.recordings = recordings
    self.latestCodings = latestCodings
    self.events = events
    analysedAnswers = AnswerSelection.analysedAnswers(of: self)
    for index in analysedAnswers.indices {
      analysedAnswers[index].isMakeUp = isMadeUp(analysedAnswers[index])
    }
    participation = Participation.rows(of: self)
    countedRecordings = Self.countedRecordings(
      recordings, analysed: analysedAnswers, measures: measures, sessions: sessions)
  }

  private static func countedRecordings(
    _ recordings: [AnswerKey: Recording], analysed: [AnalysedAnswer], measures: [AnswerMeasures], sessions: [Session]
  ) -> [AnswerKey: Recording] {
    let counted = Set(analysed.map(\.answer))
    let plannedCounted = Set(analysed.map(\.planned))
    let measured = Set(measures.map(\.answer))
    let sessions = Dictionary(sessions.map { ($0.id, $0) }) { first, _ in first }
    return recordings.filter { answer, _ in
      if counted.contains(answer) { return true }
      guard !measured.contains(answer), let session = sessions[answer.session] else { return false }
      return !plannedCounted.contains(PlannedAnswer(session: session, answer: answer))
    }
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
    let runChains = try database.eventLog.runChains()
    let loadedChains = Set(sessions.map { runChains.firstRun(of: $0.id) })
    return ExportSnapshot(
      study: study,
      sessions: sessions,
      groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0) }),
      measures: try database.measures.fetchAll().filter { sessionIDs.contains($0.answer.session) },
      recordings: recordingsByAnswer,
      latestCodings: try database.measures.latestCodings().filter { sessionIDs.contains($0.key.session) },
      events: events,
      transcripts: transcripts ? try AnswerTranscripts.load(for: recordingsByAnswer, in: database) : [:],
      reviews: try database.review.records(in: sessionIDs),
      attendance: try database.attendance.fetchAll(study: study).filter { record in
        // The same planned sessions as the runs (a group's records, or the one session's), and the
        // make-ups made in those runs, which belong to another planned session.
        let planned =
          (group == nil || record.group == group)
          && (session == nil || sessions.contains { $0.group == record.group && $0.number == record.sessionNumber })
        return planned || record.madeUpIn.map { loadedChains.contains(runChains.firstRun(of: $0)) } == true
      },
      participants: Dictionary(try database.participants.fetchAll().map { ($0.code, $0) }) { first, _ in first },
      runChains: runChains)
  }

  /// Whether `answer` was given by its participant while making up a missed session: in any run of
  /// the chain the make-up names (a make-up killed and resumed is one make-up, whichever run the
  /// attendance names and whichever run recorded the answer).
  func isMadeUp(_ answer: AnalysedAnswer) -> Bool {
    attendance.contains { record in
      guard record.participant == answer.answer.participant, let madeUpIn = record.madeUpIn else { return false }
      return runChains.areOneChain(madeUpIn, answer.session.id)
    }
  }
}
