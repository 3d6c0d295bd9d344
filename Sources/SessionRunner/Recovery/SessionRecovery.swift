import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Store

/// Closes the sessions a crash or a power cut left open, and saves what they recorded.
///
/// The event log is durable event by event, so it says which answers were being recorded when the
/// process died. Each of those files is repaired (its WAV header still describes an empty take),
/// checksummed, measured and filed like any other answer; then `session.interrupted` closes the
/// session in the log. Nothing is deleted and nothing already stored is redone.
public struct SessionRecovery: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Sessions with a `session.opened` and neither `session.ended` nor `session.interrupted`,
  /// leaving out any that a process is still running.
  public func interruptedSessions() throws -> [SessionID] {
    var opened: [SessionID] = []
    var closed: Set<SessionID> = []
    var folders: [SessionID: URL] = [:]
    let types: [EventType] = ["session.opened", "session.ended", "session.interrupted", "runner.started"]
    for stored in try database.eventLog.events(ofTypes: types) {
      let event = stored.event
      switch event.type.rawValue {
      case "session.opened": opened.append(event.session)
      case "session.ended", "session.interrupted": closed.insert(event.session)
      case "runner.started":
        folders[event.session] = event.payload["output"].map {
          URL(fileURLWithPath: $0).appendingPathComponent(event.session.rawValue, isDirectory: true)
        }
      default: break
      }
    }
    return opened.filter { session in
      !closed.contains(session) && !(folders[session].map(SessionLock.isHeld(in:)) ?? false)
    }
  }

  /// Recovers every interrupted session, oldest first.
  public func recoverAll() throws -> [RecoveryReport] {
    try interruptedSessions().map(recover)
  }

  /// Repairs and files the answers of one interrupted session, then closes it in the log.
  public func recover(_ session: SessionID) throws -> RecoveryReport {
    let events = try database.eventLog.events(in: session).map(\.event)
    var report = RecoveryReport(session: session, lastEvent: events.last?.type.rawValue ?? "")
    let output = events.first { $0.type.rawValue == "runner.started" }?.payload["output"]
    let requests = Self.recordingRequests(in: events)
    if let output {
      let stored = Set(try database.recordings.fetchAll(in: session).map(\.path))
      let analysis = AnswerAnalysis(session: session, database: database)
      for request in requests {
        let file = AnswerFile(request: request, session: session, outputDirectory: URL(fileURLWithPath: output))
        guard !stored.contains(file.url.path) else { continue }
        guard FileManager.default.fileExists(atPath: file.url.path) else {
          report.missingFiles.append(file.url.path)
          continue
        }
        let frames = try WAVFile.recover(at: file.url)
        let measured = try analysis.analyze(file)
        report.recoveredFiles.append(file.url)
        if measured { report.measuredAnswers += 1 }
        try append(
          "recording.recovered", session: session,
          payload: [
            "trial": request.trial.rawValue, "player": request.player.description,
            "participant": request.participant?.rawValue ?? "", "frames": String(frames),
          ])
      }
    } else if !requests.isEmpty {
      report.missingFiles = requests.map { "\($0.trial.rawValue)-player\($0.player.rawValue)-turn\($0.turn)" }
    }
    try append(
      "session.interrupted", session: session,
      payload: [
        "lastEvent": report.lastEvent, "recoveredRecordings": String(report.recoveredFiles.count),
        "missingRecordings": String(report.missingFiles.count),
      ])
    return report
  }

  /// Where to pick up the planned session `planned` (run ids are `<planned>-<stamp>`) when its
  /// latest run was interrupted: that run, and the index of the first trial no run has ended.
  /// Nil when the latest run ended normally, or none exists.
  public func resumePoint(ofPlanned planned: SessionID, trials: [Trial]) throws -> ResumePoint? {
    let prefix = planned.rawValue + "-"
    var ended: Set<TrialID> = []
    var interrupted: Set<SessionID> = []
    var runs: Set<SessionID> = []
    // Every run logs session.opened, so these three types name every run and what it finished.
    let types: [EventType] = ["session.opened", "trial.ended", "session.interrupted"]
    for stored in try database.eventLog.events(ofTypes: types) where stored.event.session.rawValue.hasPrefix(prefix) {
      let event = stored.event
      runs.insert(event.session)
      switch event.type.rawValue {
      case "trial.ended": event.payload["trial"].map { ended.insert(TrialID($0)) }
      case "session.interrupted": interrupted.insert(event.session)
      default: break
      }
    }
    // Run ids end with a sortable time stamp: the greatest is the latest.
    guard let latest = runs.max(by: { $0.rawValue < $1.rawValue }), interrupted.contains(latest) else { return nil }
    let next = trials.firstIndex { !ended.contains($0.id) } ?? trials.count
    return ResumePoint(interruptedSession: latest, trialIndex: next)
  }

  /// The takes the log says were started, each once, in order.
  static func recordingRequests(in events: [SessionEvent]) -> [RecordingRequest] {
    var seen: Set<RecordingRequest> = []
    return events.compactMap { event -> RecordingRequest? in
      guard event.type.rawValue == "recording.started", let request = RecordingRequest(payload: event.payload)
      else { return nil }
      return seen.insert(request).inserted ? request : nil
    }
  }

  private func append(_ type: String, session: SessionID, payload: [String: String]) throws {
    try database.eventLog.append(
      SessionEvent(
        session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
        type: EventType(rawValue: type), payload: payload))
  }
}
