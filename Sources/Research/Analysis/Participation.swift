import SessionModel
import Store

/// Who was asked each trial and whether they answered: one ``ParticipationRow`` per participant
/// present at a clinical planned session × trial of it that was presented.
///
/// - Present: the attendance recorded for the planned session says `present` or `left_early`. A
///   chain of runs that made the session up for someone who missed it (their record's `madeUpIn`)
///   counts them too, as a make-up. A chain that made up the group's own planned session (a
///   catch-up run) does not count the members who were present at the group's run: they were not
///   at the table. Without a recorded attendance a planned session has no rows. A latecomer (joined
///   after the start, named by the therapist) is at the table from their join: the trials whose
///   image was shown before have no row of theirs, unless they answered one.
/// - Presented: the run's log shows the trial's image (`trial.stimulusShown`). Trials planned but
///   never reached (a session stopped early, a run killed and never resumed) have no row. A trial
///   whose image was shown and whose evocation question never came up (skipped on its image) has
///   its rows, not asked (``NoAnswerReason/notAsked``), which the statistics leave out.
/// - One row per planned answer, as in `measures.csv`: a trial shown in several runs of the same
///   planned session (killed and resumed, or run again) is one row, answered when
///   ``AnswerSelection`` counts a take of it in any of them.
enum Participation {
  static func rows(of snapshot: ExportSnapshot) -> [ParticipationRow] {
    let log = RunLog(events: snapshot.events)
    let chains = snapshot.runChains
    let counted = Dictionary(snapshot.analysedAnswers.map { ($0.planned, $0) }) { first, _ in first }
    let chainsOfRuns = Dictionary(grouping: snapshot.sessions.filter { $0.kind == .clinical }) {
      chains.firstRun(of: $0.id)
    }
    var drafts: [PlannedAnswer: Draft] = [:]
    for (firstRun, runs) in chainsOfRuns {
      let seated = seatedParticipants(atChain: firstRun, of: runs[0], in: snapshot)
      for (trial, run) in presentedTrials(in: runs, log: log) {
        for (participant, (status, isMakeUp)) in seated {
          let planned = PlannedAnswer(
            study: run.study, group: run.group, sessionNumber: run.number, trial: trial, participant: participant)
          // A latecomer was not at the table for the images shown before they came, unless they
          // still answered that trial.
          if let joined = log.joinedLate[run.id]?[participant], let shown = log.presented[run.id]?[trial],
            shown < joined, counted[planned] == nil
          {
            continue
          }
          var draft = drafts[planned] ?? Draft(status: status)
          draft.add(
            run: run, presentedAt: log.presented[run.id]?[trial] ?? 0, isMakeUp: isMakeUp,
            asked: log.asked.contains(RunLog.Shown(session: run.id, trial: trial)))
          drafts[planned] = draft
        }
      }
    }
    var deliveries: [SessionID: [TrialID: ScentDelivery]] = [:]
    let eventsBySession = Dictionary(grouping: snapshot.events.map(\.event), by: \.session)
    let rows = drafts.compactMap { planned, draft -> ParticipationRow? in
      let answer = counted[planned]
      let session = answer?.session ?? draft.lastRun
      guard let trial = session.trials.first(where: { $0.id == planned.trial }) else { return nil }
      if deliveries[session.id] == nil {
        deliveries[session.id] = ScentDeliveryLog.deliveries(of: session, events: eventsBySession[session.id] ?? [])
      }
      return ParticipationRow(
        session: session, trial: trial, group: session.group.flatMap { snapshot.groups[$0] },
        participantCode: planned.participant, participant: snapshot.participants[planned.participant],
        attendance: draft.status, isMakeUp: draft.isMakeUp, scent: deliveries[session.id]?[trial.id],
        wasAsked: draft.wasAsked || answer != nil,
        noAnswer: answer == nil
          ? log.reason(
            participant: planned.participant, trial: planned.trial, runs: draft.runs, asked: draft.wasAsked) : nil)
    }
    return rows.sorted { order($0) < order($1) }
  }

  /// Everyone at the table in the chain that `firstRun` began, with their attendance and whether
  /// they were making up a missed session.
  private static func seatedParticipants(atChain firstRun: SessionID, of run: Session, in snapshot: ExportSnapshot)
    -> [ParticipantCode: (AttendanceStatus, Bool)]
  {
    func isOfRun(_ record: Attendance) -> Bool {
      record.study == run.study && record.group == run.group && record.sessionNumber == run.number
    }
    let makeUps = snapshot.attendance.filter { record in
      record.madeUpIn.map { snapshot.runChains.areOneChain($0, firstRun) } ?? false
    }
    var seated: [ParticipantCode: (AttendanceStatus, Bool)] = [:]
    for record in makeUps { seated[record.participant] = (.present, true) }
    // A catch-up run of the group's own planned session seats those who missed it, not the others.
    guard !makeUps.contains(where: isOfRun) else { return seated }
    for record in snapshot.attendance where isOfRun(record) && record.status != .absent {
      seated[record.participant] = (record.status, false)
    }
    return seated
  }

  /// The trials of `runs` (one chain) whose image was shown, each with the last run that showed it.
  private static func presentedTrials(in runs: [Session], log: RunLog) -> [(TrialID, Session)] {
    var last: [TrialID: (Int64, Session)] = [:]
    for run in runs {
      for (trial, sequence) in log.presented[run.id] ?? [:] where run.trials.contains(where: { $0.id == trial }) {
        if let shown = last[trial], shown.0 > sequence { continue }
        last[trial] = (sequence, run)
      }
    }
    return last.map { ($0.key, $0.value.1) }
  }

  private static func order(_ row: ParticipationRow) -> (Int, String, String, Int, Int, String) {
    (
      row.session.date.daysSinceEpoch, row.session.study?.rawValue ?? "", row.session.group?.rawValue ?? "",
      row.session.number, row.trial.number, row.participantCode.rawValue
    )
  }

  /// One planned answer's row while the chains are read.
  private struct Draft {
    var status: AttendanceStatus
    var isMakeUp = false
    var wasAsked = false
    var runs: Set<SessionID> = []
    private var lastShown: (sequence: Int64, run: Session)?

    init(status: AttendanceStatus) {
      self.status = status
    }

    var lastRun: Session { lastShown!.run }

    mutating func add(run: Session, presentedAt sequence: Int64, isMakeUp: Bool, asked: Bool) {
      runs.insert(run.id)
      self.isMakeUp = self.isMakeUp || isMakeUp
      wasAsked = wasAsked || asked
      if let shown = lastShown, shown.sequence > sequence { return }
      lastShown = (sequence, run)
    }
  }

  /// What the log says of each run: the trials whose image was shown (with the last such event's
  /// place in the log), those whose evocation question came up, and the takes started, failed and
  /// left unfiled.
  private struct RunLog {
    struct Shown: Hashable {
      var session: SessionID
      var trial: TrialID
    }

    struct Take: Hashable {
      var session: SessionID
      var trial: TrialID
      var participant: ParticipantCode
    }

    var presented: [SessionID: [TrialID: Int64]] = [:]
    /// Where in the log each latecomer (named by the therapist) joined, by run.
    var joinedLate: [SessionID: [ParticipantCode: Int64]] = [:]
    var asked: Set<Shown> = []
    var started: Set<Take> = []
    var failed: Set<Take> = []
    var unfiled: Set<Take> = []

    init(events: [StoredEvent]) {
      // A log that did not tag an image or a question with its trial: the trial under way.
      var current: [SessionID: TrialID] = [:]
      var lateSeats: [SessionID: [PlayerNumber: Int64]] = [:]
      // A latecomer's takes from before the therapist named them are that participant's.
      let owners = TakeOwners(events.map(\.event))
      for stored in events {
        let session = stored.event.session
        func take(_ take: AnswerTake?) -> Take? {
          guard let take, let participant = owners.participant(of: take, in: session) else { return nil }
          return Take(session: session, trial: take.trial, participant: participant)
        }
        switch stored.event.kind {
        case .trial(.started(let tag, _, _, _, _)):
          current[session] = tag.trial
        case .trial(.stimulusShown(let tag, _, _)):
          guard let trial = tag?.trial ?? current[session] else { continue }
          presented[session, default: [:]][trial] = stored.sequence
        case .seating(.joined(let player, _, _, let participant, let late)) where late == true:
          lateSeats[session, default: [:]][player] = stored.sequence
          if let participant { joinedLate[session, default: [:]][participant] = stored.sequence }
        case .seating(.attributed(let player, let participant)):
          guard let joined = lateSeats[session]?[player] else { continue }
          joinedLate[session, default: [:]][participant] = joined
        case .trial(.evocationStarted(let tag)):
          guard let trial = tag?.trial ?? current[session] else { continue }
          asked.insert(Shown(session: session, trial: trial))
        case .recording(.started(let answer)):
          take(answer).map { _ = started.insert($0) }
        case .recording(.failed(let failure)):
          take(failure.take).map { _ = failed.insert($0) }
        case .recording(.unfiled(let answer, _, _)):
          take(answer).map { _ = unfiled.insert($0) }
        default:
          continue
        }
      }
    }

    /// Why no take of `participant` for `trial` was filed in `runs`: the most telling trace first.
    func reason(participant: ParticipantCode, trial: TrialID, runs: Set<SessionID>, asked: Bool) -> NoAnswerReason {
      let takes = runs.map { Take(session: $0, trial: trial, participant: participant) }
      if takes.contains(where: unfiled.contains) { return .takeUnfiled }
      if takes.contains(where: failed.contains) { return .takeFailed }
      if takes.contains(where: started.contains) { return .takeNotFiled }
      return asked ? .noTake : .notAsked
    }
  }
}
