import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Store

/// Closes the sessions a crash or a power cut left open, and saves what they recorded.
///
/// The event log is durable event by event, so it says which answers were being recorded when the
/// process died. Each of those files is repaired (its WAV header still describes an empty take),
/// checksummed, measured and filed like any other answer; the participants the log shows at the
/// table are recorded present, as the run would have on its way out; then `session.interrupted`
/// closes the session in the log. Nothing is deleted and nothing already stored is redone.
public struct SessionRecovery: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Sessions with a `session.opened` and neither `session.ended` nor `session.interrupted`,
  /// leaving out any that a process is still running.
  public func interruptedSessions() throws -> [SessionID] {
    let log = try SessionsInLog(database: database)
    return log.opened.filter { !log.closed.contains($0) && !log.isRunning($0) }
  }

  /// Recovers every interrupted session, oldest first. One that cannot be recovered is reported
  /// (``RecoveryReport/failure``) and left open for another try; the later ones are still recovered.
  /// Then files the answers the last ended session had not filed when its process died.
  ///
  /// One process recovers a database at a time (the home screen, `db recover` and a starting run
  /// may meet): without that, two would both close a session and file its takes, each writing its
  /// own `session.interrupted`. The second waits and then finds nothing left to do, or, with
  /// `waiting` false (the home screen, which must not freeze), returns no report at once.
  public func recoverAll(waiting: Bool = true) throws -> [RecoveryReport] {
    let lock = try database.path.map { try SessionLock.holdRecovery(databasePath: $0, waiting: waiting) }
    if case .some(.none) = lock { return [] }
    defer { withExtendedLifetime(lock) {} }
    let log = try SessionsInLog(database: database)
    var reports = log.opened.filter { !log.closed.contains($0) && !log.isRunning($0) }.map { session in
      do {
        return try recover(session)
      } catch {
        var report = RecoveryReport(session: session, lastEvent: "")
        report.failure = "\(error)"
        return report
      }
    }
    if let ended = log.lastEnded, !log.isRunning(ended), let report = try fileTakesLeftAfterTheEnd(of: ended) {
      reports.append(report)
    }
    return reports
  }

  /// A process killed in the thank-you scene, after `session.ended` reached the log but before
  /// its last answers were measured or its attendance recorded, leaves takes on disk that no
  /// recording row names, and participants with no attendance. Only the last ended session can be
  /// in that state: every start recovers before its session runs. Nil when nothing was left to do.
  /// Takes without a participant are never filed. A take that cannot be filed is named once: the
  /// run named those it could not file (`recording.failed`, `recording.unfiled`); recovery names
  /// the others and logs `recording.unfiled` for each, so the session's report lists them too.
  func fileTakesLeftAfterTheEnd(of session: SessionID) throws -> RecoveryReport? {
    let events = try database.eventLog.events(in: session).map(\.event)
    guard
      let output = Self.output(in: events).map(database.recordingFile(atStoredPath:))
    else { return nil }
    var report = RecoveryReport(session: session, lastEvent: events.last?.type.rawValue ?? "")
    report.hadEnded = true
    let takes = Self.lastTakes(in: events).filter { $0.participant != nil }
    try file(takes, of: session, output: output, into: &report)
    try logUnfiled(takes, of: session, output: output, toldIn: events, leavingToldOut: true, into: &report)
    recordAttendance(shownBy: events, of: session, into: &report)
    let didNothing =
      report.recoveredFiles.isEmpty && report.missingFiles.isEmpty && report.unrecoveredFiles.isEmpty
      && report.recordedPresent.isEmpty && report.attendanceProblem == nil
    return didNothing ? nil : report
  }

  /// Logs `recording.unfiled` for each take in `report` that could not be filed and that the log
  /// does not name yet (`recording.failed`, or the `recording.unfiled` of the run or of an earlier
  /// recovery), so that none is logged twice. With `leavingToldOut`, the report drops the named
  /// ones too: the run that named them had said so to the therapist.
  private func logUnfiled(
    _ takes: [LoggedTake], of session: SessionID, output: URL, toldIn events: [SessionEvent],
    leavingToldOut: Bool, into report: inout RecoveryReport
  ) throws {
    let told = Set(
      events.compactMap { event -> RecordingRequest? in
        switch event.kind {
        case .recording(.failed(let failure)): failure.take.map(RecordingRequest.init)
        case .recording(.unfiled(let take, _, _)): RecordingRequest(take)
        default: nil
        }
      })
    var requests: [String: RecordingRequest] = [:]
    for take in takes { requests[take.file(of: session, in: output).url.path] = take.request }
    if leavingToldOut {
      report.missingFiles.removeAll { path in requests[path].map(told.contains) ?? true }
      report.unrecoveredFiles.removeAll { unread in requests[unread.path].map(told.contains) ?? true }
    }
    let unfiled =
      report.missingFiles.map { ($0, "file not found") } + report.unrecoveredFiles.map { ($0.path, $0.reason) }
    for (path, reason) in unfiled {
      guard let request = requests[path], !told.contains(request) else { continue }
      try append(
        .recording(
          .unfiled(request.take, path: database.storedPath(for: URL(fileURLWithPath: path)), reason: reason)),
        session: session)
    }
  }

  /// Repairs and files the answers of one interrupted session, then closes it in the log.
  ///
  /// Only the last take of each participant in each trial is filed, the one a normal run keeps;
  /// earlier takes stay on disk and in the log. A take that cannot be repaired or measured is
  /// named in the report and logged as `recording.unfiled`, and the session is closed all the same.
  public func recover(_ session: SessionID) throws -> RecoveryReport {
    let events = try database.eventLog.events(in: session).map(\.event)
    var report = RecoveryReport(session: session, lastEvent: events.last?.type.rawValue ?? "")
    // Relative to the database's folder when the run's output was inside it.
    let output = Self.output(in: events).map(database.recordingFile(atStoredPath:))
    let takes = Self.lastTakes(in: events)
    if let output {
      try file(takes, of: session, output: output, into: &report)
      // A run killed mid-session told the therapist nothing: its message names every take it
      // could not file, and the log gains what it lacks, so the session's report lists them too.
      try logUnfiled(takes, of: session, output: output, toldIn: events, leavingToldOut: false, into: &report)
    } else if !takes.isEmpty {
      report.missingFiles = takes.map {
        "\($0.request.trial.rawValue)-player\($0.request.player.rawValue)-turn\($0.request.turn)"
      }
    }
    // Before the session is closed: a recovery that dies in between records it next time.
    recordAttendance(shownBy: events, of: session, into: &report)
    try append(
      .session(
        .interrupted(
          SessionInterruption(
            lastEvent: report.lastEvent, recoveredRecordings: report.recoveredFiles.count,
            missingRecordings: report.missingFiles.count,
            unrecoveredRecordings: report.unrecoveredFiles.map(\.path).joined(separator: " | ")))),
      session: session)
    return report
  }

  /// Records present the group members the run's log shows at the table, as the run would have
  /// on its way out. As for the run, a failure is told and the recovery goes on.
  private func recordAttendance(
    shownBy events: [SessionEvent], of session: SessionID, into report: inout RecoveryReport
  ) {
    do {
      report.recordedPresent = try RunAttendance.recordFromLog(events, of: session, in: database)
    } catch {
      report.attendanceProblem = StoreError.explanation(of: error)
    }
  }

  /// Repairs, files and measures each take not stored yet, logging `recording.recovered`.
  private func file(
    _ takes: [LoggedTake], of session: SessionID, output: URL, into report: inout RecoveryReport
  ) throws {
    // By file name: unique in the session's folder, whether the row stores the path whole or relative.
    let stored = Set(
      try database.recordings.fetchAll(in: session).map { URL(fileURLWithPath: $0.path).lastPathComponent })
    let analysis = AnswerAnalysis(session: session, database: database)
    var replacedLogged = try Self.replacedTakes(in: database)
    for take in takes {
      let file = take.file(of: session, in: output)
      guard !stored.contains(file.url.lastPathComponent) else {
        // Filed before the kill, which may have taken the run's journaled `recording.superseded`
        // with it: this take still stands for the earlier runs' takes of the same answer.
        try logTakesOfOtherRuns(replacedBy: file, analysis: analysis, logged: &replacedLogged)
        continue
      }
      guard FileManager.default.fileExists(atPath: file.url.path) else {
        report.missingFiles.append(file.url.path)
        continue
      }
      let frames: Int
      let outcome: AnswerAnalysis.Outcome
      do {
        frames = try WAVFile.recover(at: file.url)
        outcome = try analysis.analyze(file)
      } catch {
        report.unrecoveredFiles.append(UnrecoveredRecording(path: file.url.path, reason: "\(error)"))
        continue
      }
      report.recoveredFiles.append(file.url)
      if outcome.isMeasured { report.measuredAnswers += 1 }
      try append(
        .recording(
          .recovered(
            trial: take.request.trial, player: take.request.player, participant: take.participant, frames: frames)),
        session: session)
      if let replaced = outcome.replacedPath {
        try database.eventLog.append(analysis.supersededEvent(by: file, replacing: replaced))
      }
      try logTakesOfOtherRuns(replacedBy: file, analysis: analysis, logged: &replacedLogged)
    }
  }

  /// Logs `recording.superseded` for each take of `file`'s answer in the planned session's other runs
  /// that no event names as replaced yet: the run being recovered is the latest, so its take counts.
  private func logTakesOfOtherRuns(
    replacedBy file: AnswerFile, analysis: AnswerAnalysis, logged: inout Set<String>
  ) throws {
    for earlier in try analysis.takesOfOtherRuns(of: file) where !logged.contains(earlier.path) {
      try database.eventLog.append(analysis.supersededEvent(by: file, replacingTakeOfAnotherRun: earlier))
      logged.insert(earlier.path)
    }
  }

  /// The stored paths every `recording.superseded` in the database names as replaced.
  private static func replacedTakes(in database: SessionDatabase) throws -> Set<String> {
    Set(
      try database.eventLog.events(ofTypes: [.recordingSuperseded]).compactMap { stored -> String? in
        if case .recording(.superseded(_, _, _, let replaced, _, _)) = stored.event.kind { replaced } else { nil }
      })
  }

  /// Where to pick up the planned session `planned` (run ids are `<planned>-<stamp>-<random>`) when its
  /// latest run was interrupted: that run, and the index of the first trial its chain has not ended.
  /// Nil when the latest run ended normally, or none exists.
  ///
  /// The chain is that run and the runs it resumes (`RunChains`). Another run of the planned
  /// session (the group's own run before a catch-up run, a run the session was run again after)
  /// showed its images to other people or at another sitting, so its trials are not skipped.
  public func resumePoint(ofPlanned planned: SessionID, trials: [Trial]) throws -> ResumePoint? {
    let prefix = planned.rawValue + "-"
    var ended: [SessionID: Set<TrialID>] = [:]
    var interrupted: Set<SessionID> = []
    var runs: Set<SessionID> = []
    var opened: [SessionID: Int64] = [:]
    var starts: [SessionEvent] = []
    // Every run logs session.opened, so these types name every run, what it finished and what it resumed.
    let types: [EventType] = [.sessionOpened, .trialEnded, .sessionInterrupted, .runnerStarted]
    for stored in try database.eventLog.events(ofTypes: types) where stored.event.session.rawValue.hasPrefix(prefix) {
      let event = stored.event
      runs.insert(event.session)
      switch event.kind {
      case .trial(.ended(let tag, _, _)): ended[event.session, default: []].insert(tag.trial)
      case .session(.interrupted): interrupted.insert(event.session)
      case .session(.opened): opened[event.session] = opened[event.session] ?? stored.sequence
      case .session(.runnerStarted): starts.append(event)
      default: break
      }
    }
    // Two runs of one planned session never overlap (SessionLock), so the latest is the one the
    // log heard open last. Not the greatest run id: its time stamp is the wall clock's, which can go
    // back between two runs (no battery-backed clock, a time correction).
    let latest = runs.max { (opened[$0] ?? -1, $0.rawValue) < (opened[$1] ?? -1, $1.rawValue) }
    guard let latest, interrupted.contains(latest) else { return nil }
    let endedInChain = RunChains(starts).runs(resumedBy: latest).reduce(into: Set<TrialID>()) {
      $0.formUnion(ended[$1] ?? [])
    }
    let next = trials.firstIndex { !endedInChain.contains($0.id) } ?? trials.count
    return ResumePoint(interruptedSession: latest, trialIndex: next)
  }

  /// The last take the log says was started for each participant (or seat without one) in each
  /// trial, in the order they were started: the takes a normal run would have filed last. A
  /// latecomer's takes from before the therapist named them are that participant's
  /// (``TakeOwners``), as the run files them.
  static func lastTakes(in events: [SessionEvent]) -> [LoggedTake] {
    let owners = TakeOwners(events)
    var last: [TakeSlot: (order: Int, take: LoggedTake)] = [:]
    for (order, event) in events.enumerated() {
      guard case .recording(.started(let take)) = event.kind else { continue }
      let logged = LoggedTake(
        request: RecordingRequest(take), participant: owners.participant(of: take, in: event.session))
      last[TakeSlot(logged)] = (order, logged)
    }
    return last.values.sorted { $0.order < $1.order }.map(\.take)
  }

  /// A take the log announced, and who it is filed under.
  struct LoggedTake {
    /// As recorded: names the file.
    var request: RecordingRequest
    var participant: ParticipantCode?

    func file(of session: SessionID, in output: URL) -> AnswerFile {
      AnswerFile(request: request, session: session, outputDirectory: output).filed(under: participant)
    }
  }

  /// Where a take is filed: the participant's answer to the trial, or, for a seat without a
  /// participant, that seat's.
  private struct TakeSlot: Hashable {
    var trial: TrialID
    var participant: ParticipantCode?
    var player: PlayerNumber?

    init(_ take: LoggedTake) {
      trial = take.request.trial
      participant = take.participant
      player = take.participant == nil ? take.request.player : nil
    }
  }

  /// The answers folder the run's `runner.started` names, as stored.
  static func output(in events: [SessionEvent]) -> String? {
    for event in events {
      if case .session(.runnerStarted(let run)) = event.kind { return run.output }
    }
    return nil
  }

  private func append(_ event: LoggedEvent, session: SessionID) throws {
    try database.eventLog.append(
      SessionEvent(session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(), event))
  }
}
