import Foundation
import SessionModel
import Store
import TestSupport

@testable import Research

/// Runs of planned sessions of group G1 (P01, P02, P03; study espoir-avc) written as the engine
/// logs them: images shown, takes started, failed or unfiled, takes filed (measures), attendance.
struct ParticipationFixture {
  static let group = ParticipantGroup(
    id: "G1", study: "espoir-avc", site: "CHU-NANTES", members: [code("P01"), code("P02"), code("P03")])

  var sessions: [Session] = []
  var events: [StoredEvent] = []
  var measures: [AnswerMeasures] = []
  var attendance: [Attendance] = []
  private var clock: UInt64 = 1_000_000_000

  /// A run of planned session `number` of G1 (the three trials of ``StoreFixtures/firstSession``:
  /// image, image_scent, image_game), resuming `resumes` when given.
  mutating func run(_ id: SessionID, number: Int = 1, resumes: SessionID? = nil) {
    var session = StoreFixtures.firstSession
    session.id = id
    session.number = number
    sessions.append(session)
    log(id, .session(.runnerStarted(RunStart(resumes: resumes?.rawValue ?? ""))))
  }

  /// Trial `trial` of run `run`: its start, the cue scent (released unless `scentRefused`) when
  /// it plans one, its image shown and, when `asked`, the evocation question.
  mutating func show(_ trial: TrialID, in run: SessionID, scentRefused: Bool = false, asked: Bool = true) {
    let planned = StoreFixtures.firstSession.trials.first { $0.id == trial }!
    let tag = TrialTag(trial: trial, number: planned.number)
    log(
      run,
      .trial(
        .started(
          tag, condition: planned.condition, stimulus: planned.stimulus, game: planned.game, scent: planned.scent)
      ))
    if let scent = planned.scent {
      log(run, .scent(.requested(tag, scent: scent, slot: nil, intensity: nil, durationMilliseconds: nil)))
      log(
        run,
        scentRefused
          ? .scent(.refused(tag, scent: scent, reason: "cartridge empty"))
          : .scent(
            .released(
              ScentRelease(
                trial: tag, scent: scent, startedAtNanoseconds: nil, endsAtNanoseconds: nil,
                acknowledgedAtNanoseconds: nil))))
    }
    log(run, .trial(.stimulusShown(tag, stimulus: planned.stimulus, image: "\(planned.stimulus.rawValue).png")))
    if asked { log(run, .trial(.evocationStarted(tag))) }
  }

  /// `participant`'s take of `trial` in `run`, started and filed (it has measures).
  mutating func answer(_ participant: String, _ trial: TrialID, in run: SessionID, words: Int = 12) {
    log(run, .recording(.started(take(participant, trial))))
    measures.append(
      AnswerMeasures(
        answer: AnswerKey(session: run, trial: trial, participant: code(participant)), words: words,
        ruleSetVersion: "wc-fr-chat-1.0"))
  }

  /// A take of `participant` started in `run` and never filed: `then` logs what became of it.
  mutating func lostTake(_ participant: String, _ trial: TrialID, in run: SessionID, then: LoggedEvent? = nil) {
    log(run, .recording(.started(take(participant, trial))))
    if let then { log(run, then) }
  }

  mutating func attend(
    _ participant: String, _ status: AttendanceStatus, number: Int = 1, madeUpIn: SessionID? = nil
  ) {
    attendance.append(
      Attendance(
        study: "espoir-avc", group: "G1", sessionNumber: number, participant: code(participant), status: status,
        reason: status == .absent ? .ill : nil, madeUpIn: madeUpIn, recordedBy: .therapist))
  }

  func take(_ participant: String, _ trial: TrialID) -> AnswerTake {
    AnswerTake(trial: trial, player: PlayerNumber(rawValue: 1)!, participant: code(participant), turn: 1, redo: 0)
  }

  mutating func log(_ session: SessionID, _ kind: LoggedEvent) {
    clock += 1_000_000_000
    events.append(
      StoredEvent(
        sequence: Int64(events.count + 1),
        event: SessionEvent(
          session: session, monotonicNanoseconds: clock,
          wallClock: StoreFixtures.morning.addingTimeInterval(Double(clock) / 1e9), kind)))
  }

  var snapshot: ExportSnapshot {
    ExportSnapshot(
      study: "espoir-avc", sessions: sessions, groups: [Self.group.id: Self.group], measures: measures,
      recordings: [:], latestCodings: [:], events: events, attendance: attendance)
  }
}
