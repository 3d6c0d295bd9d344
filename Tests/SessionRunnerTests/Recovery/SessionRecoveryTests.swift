import Foundation
import Research
import SessionEngine
import SessionModel
import Store
import TestSupport
import Testing

@testable import SessionRunner

/// After a crash, recovery files what a normal run would have kept, and one bad file spoils nothing else.
@Suite struct SessionRecoveryTests {
  struct TakesCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    /// The second take is a redo of the first turn, or a new turn after a pause.
    let second: RecordingRequest
    /// Which takes the run had filed before it died.
    let filedBeforeCrash: [Int]
  }

  static let first = RecordingRequest(
    trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1)
  static let redo = RecordingRequest(
    trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1, redo: 1)
  static let afterPause = RecordingRequest(
    trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 3)

  @Test(arguments: [
    TakesCase(testDescription: "redo, the later take filed, the original not yet", second: redo, filedBeforeCrash: [1]),
    TakesCase(testDescription: "redo, neither take filed", second: redo, filedBeforeCrash: []),
    TakesCase(testDescription: "redo, only the original filed", second: redo, filedBeforeCrash: [0]),
    TakesCase(testDescription: "new turn after a pause, the later filed", second: afterPause, filedBeforeCrash: [1]),
    TakesCase(testDescription: "new turn after a pause, neither filed", second: afterPause, filedBeforeCrash: []),
  ])
  func theLastTakeOfAParticipantInATrialIsTheOneKept(_ example: TakesCase) throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let takes = [try fixture.take(Self.first), try fixture.take(example.second)]
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first)
    for index in example.filedBeforeCrash {
      try fixture.database.answers.file(recordingAt: takes[index].url, as: answer)
    }

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(try fixture.database.recordings.fetch(answer)?.path == fixture.database.storedPath(for: takes[1].url))
    #expect(try fixture.types().last == "session.interrupted")
    let superseded = try fixture.database.eventLog.events(in: "S01").map(\.event)
      .filter { $0.type.rawValue == "recording.superseded" }
    let replacedEarlier = example.filedBeforeCrash == [0]
    #expect(
      superseded.map { $0.payload["replaced"] }
        == (replacedEarlier ? [fixture.database.storedPath(for: takes[0].url)] : []))
    #expect(
      superseded.map { $0.payload["by"] } == (replacedEarlier ? [fixture.database.storedPath(for: takes[1].url)] : []))
    #expect(FileManager.default.fileExists(atPath: takes[0].url.path), "an earlier take stays on disk")
  }

  @Test func anUnreadableTakeIsNamedAndTheSessionAndTheNextOnesAreStillClosed() throws {
    let fixture = try RecoveryFixture(sessions: ["S01", "S02"])
    defer { fixture.remove() }
    let broken = try fixture.take(Self.first, garbage: true)
    let other = RecordingRequest(
      trial: "T1", player: PlayerNumber(rawValue: 2)!, participant: RecoveryFixture.second, turn: 2)
    try fixture.take(other)
    try fixture.take(Self.first, in: "S02")

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01", "S02"])
    #expect(reports.first?.unrecoveredFiles.map(\.path) == [broken.url.path])
    #expect(reports.map(\.recoveredFiles.count) == [1, 1])
    #expect(
      reports.first?.summary.french.contains(
        "1 enregistrement(s) illisible(s), laissé(s) tel(s) quel(s) : \(broken.url.path) (") == true)
    #expect(try fixture.types(in: "S01").last == "session.interrupted")
    #expect(try fixture.types(in: "S02").last == "session.interrupted")
    #expect(
      try fixture.database.recordings.fetchAll().map(\.participant) == [RecoveryFixture.second, RecoveryFixture.first])
  }

  /// Filing failed between the take's recording and its measures (an I/O error, here a refusing
  /// trigger), then the process died: nothing of the answer may be stored, or recovery would skip
  /// the take as filed and the answer would be missing from the exports.
  @Test func aTakeWhoseMeasuresCouldNotBeSavedIsFiledByRecovery() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let take = try fixture.take(Self.first)
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first)
    let path = fixture.folder.appendingPathComponent("connectage.sqlite").path
    try SQLiteShell.run(StoreFixtures.refusingMeasures, on: path)
    #expect(throws: StoreError.self) { try fixture.database.answers.file(recordingAt: take.url, as: answer) }
    try SQLiteShell.run(StoreFixtures.allowingMeasures, on: path)

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.first?.recoveredFiles == [take.url])
    #expect(reports.first?.measuredAnswers == 1)
    #expect(try fixture.database.measures.fetch(answer) != nil)
  }

  /// Killed in the thank-you scene: the log says the session ended, but its last take was never
  /// filed. The next start files it once, leaves the session ended, and files nothing twice.
  @Test func aTakeLeftUnfiledAfterTheSessionEndedIsFiledOnceAndTheSessionStaysEnded() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let filed = try fixture.take(Self.first)
    try fixture.database.answers.file(
      recordingAt: filed.url, as: AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first))
    let left = try fixture.take(Self.redo)
    let unseated = RecordingRequest(trial: "T1", player: PlayerNumber(rawValue: 3)!, participant: nil, turn: 1)
    try fixture.take(unseated)
    try fixture.log("S01", "session.ended")

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(reports.first?.recoveredFiles == [left.url])
    #expect(
      reports.first?.summary.french.hasPrefix("Séance S01 terminée, mais arrêtée avant d'avoir tout classé") == true)
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first)
    let stored = try fixture.database.recordings.fetch(answer)?.path
    #expect(
      stored.map(fixture.database.recordingFile(atStoredPath:))?.standardizedFileURL == left.url.standardizedFileURL)
    let types = try fixture.types()
    #expect(!types.contains("session.interrupted"))
    #expect(types.suffix(2) == ["recording.recovered", "recording.superseded"])

    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
    #expect(try fixture.types() == types)
  }

  /// A latecomer answered before the therapist named them, then the run was killed: the take is
  /// theirs, filed under their code with the name it was recorded under; a seat outside the group
  /// that nobody named stays unfiled.
  @Test func aLatecomersTakeFromBeforeTheNamingIsFiledUnderTheNamedParticipant() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let latecomer = PlayerNumber(rawValue: 2)!
    let before = try fixture.take(RecordingRequest(trial: "T1", player: latecomer, participant: nil, turn: 1))
    let stranger = try fixture.take(
      RecordingRequest(trial: "T1", player: PlayerNumber(rawValue: 3)!, participant: nil, turn: 1))
    try fixture.log("S01", .seating(.attributed(player: latecomer, participant: RecoveryFixture.second)))

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.first?.recoveredFiles == [before.url, stranger.url])
    #expect(reports.first?.measuredAnswers == 1)
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.second)
    #expect(try fixture.database.recordings.fetch(answer)?.path == fixture.database.storedPath(for: before.url))
    #expect(try fixture.database.recordings.fetchAll().count == 1)
    let recovered = try fixture.database.eventLog.events(in: "S01").map(\.event)
      .filter { $0.type.rawValue == "recording.recovered" }.map { $0.payload["participant"] ?? "" }
    #expect(recovered == [RecoveryFixture.second.rawValue, ""])
  }

  /// Killed and never resumed: the patients the run's log shows at the table are recorded present
  /// at the planned session, as the run would have on its way out; what the therapist recorded stays.
  @Test func anInterruptedRunRecordsTheAttendanceItsLogShows() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    try fixture.seat([RecoveryFixture.first, RecoveryFixture.second])
    try fixture.take(Self.first)
    let byHand = Attendance(
      study: "espoir-avc", group: "G1", sessionNumber: 1, participant: RecoveryFixture.second, status: .leftEarly,
      recordedBy: .therapist)
    try fixture.database.attendance.record(byHand)

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(reports.first?.recordedPresent == [RecoveryFixture.first])
    #expect(reports.first?.summary.french.contains("mesurée(s) ; P01 noté(s) présent(s) d'après le journal.") == true)
    let recovered = Attendance(
      study: "espoir-avc", group: "G1", sessionNumber: 1, participant: RecoveryFixture.first, status: .present,
      recordedBy: .recovery)
    #expect(try fixture.database.attendance.fetchAll(study: "espoir-avc") == [recovered, byHand])
    #expect(try fixture.database.eventLog.events(in: "G1-S01").last?.event.kind == .attendance(.recorded(recovered)))
    #expect(try fixture.types().last == "session.interrupted")
    #expect(try fixture.database.check.run().isHealthy)

    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
    #expect(try fixture.database.attendance.fetchAll(study: "espoir-avc") == [recovered, byHand])
  }

  /// Killed in the thank-you scene, after `session.ended` but before the run recorded who came.
  @Test func aRunKilledInItsThankYouSceneRecordsTheAttendanceItsLogShows() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    try fixture.seat([RecoveryFixture.first, RecoveryFixture.second])
    let take = try fixture.take(Self.first)
    try fixture.database.answers.file(
      recordingAt: take.url, as: AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first))
    try fixture.log("S01", "session.ended")

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(
      reports.first?.summary.french
        == "Séance S01 terminée, mais arrêtée avant d'avoir tout classé : 0 réponse(s) réparée(s), dont 0 mesurée(s) ; P01, P02 noté(s) présent(s) d'après le journal."
    )
    let attendance = try fixture.database.attendance.fetchAll(study: "espoir-avc")
    #expect(attendance.map { "\($0.participant):\($0.status.rawValue)" } == ["P01:present", "P02:present"])
    #expect(attendance.allSatisfy { $0.recordedBy == .recovery })
    #expect(try !fixture.types().contains("session.interrupted"))
    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
  }

  /// A run that ended and recorded its attendance itself leaves recovery nothing to do.
  @Test func aRunThatRecordedItsAttendanceIsLeftAlone() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    try fixture.seat([RecoveryFixture.first, RecoveryFixture.second])
    try fixture.log("S01", "session.ended")
    let session = try #require(try fixture.database.sessions.fetch("S01"))
    try RunAttendance.record(
      seated: [RecoveryFixture.first, RecoveryFixture.second], makeUp: [], session: session, in: fixture.database)
    let recorded = try fixture.database.attendance.fetchAll(study: "espoir-avc")
    #expect(recorded.map(\.recordedBy) == [.run, .run])

    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
    #expect(try fixture.database.attendance.fetchAll(study: "espoir-avc") == recorded)
  }

  /// Killed in the thank-you scene with a take that cannot be read: the next start says so and the
  /// session's log keeps it, rather than leaving it for `db check` to find; it is said once.
  @Test func aTakeThatCannotBeFiledAfterTheSessionEndedIsReportedOnce() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let broken = try fixture.take(Self.first, garbage: true)
    try fixture.log("S01", "session.ended")
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first)
    #expect(try fixture.database.check.run().problems == [.unfiledAnswer(answer, takes: 1)])

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(reports.first?.unrecoveredFiles.map(\.path) == [broken.url.path])
    #expect(
      reports.first?.summary.french.contains(
        "1 enregistrement(s) illisible(s), laissé(s) tel(s) quel(s) : \(broken.url.path) (") == true)
    let logged = try fixture.database.eventLog.events(in: "S01").map(\.event.kind)
    guard case .recording(.unfiled(let take, let path, _)) = logged.last else {
      Issue.record("no recording.unfiled: \(String(describing: logged.last))")
      return
    }
    #expect(take == Self.first.take && path == fixture.database.storedPath(for: broken.url))
    let incidents = try Reports.session("S01", in: fixture.database).incidents.map(\.what.french)
    #expect(incidents.contains { $0.hasPrefix("Réponse ni classée ni mesurée, fichier laissé tel quel : joueur 1 (") })
    // Still missing from the exports: db check goes on naming it until a recovery files it.
    #expect(try fixture.database.check.run().problems == [.unfiledAnswer(answer, takes: 1)])

    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
    #expect(try fixture.types().filter { $0 == "recording.unfiled" }.count == 1)
  }

  /// Killed mid-session with two takes that cannot be read, one of which the run had already logged
  /// as unfiled: the message names both (the run never got to say anything), the log gains the
  /// missing `recording.unfiled` before the session is closed, so the session's report and
  /// `db check` name both answers too, and a second recovery adds nothing.
  @Test func anUnreadableTakeOfAnInterruptedRunIsLoggedAsUnfiledOnce() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let broken = try fixture.take(Self.first, garbage: true)
    let second = RecordingRequest(
      trial: "T1", player: PlayerNumber(rawValue: 2)!, participant: RecoveryFixture.second, turn: 2)
    let toldByTheRun = try fixture.take(second, garbage: true)
    try fixture.log(
      "S01",
      .recording(
        .unfiled(
          second.take, path: fixture.database.storedPath(for: toldByTheRun.url), reason: "not a WAVE file")))

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == ["S01"])
    #expect(reports.first?.unrecoveredFiles.map(\.path) == [broken.url.path, toldByTheRun.url.path])
    #expect(
      reports.first?.summary.french.contains(
        "2 enregistrement(s) illisible(s), laissé(s) tel(s) quel(s) : \(broken.url.path) (") == true)
    let logged = try fixture.database.eventLog.events(in: "S01").map(\.event.kind)
    let unfiled = logged.compactMap { kind -> (AnswerTake, String)? in
      if case .recording(.unfiled(let take, let path, _)) = kind { (take, path) } else { nil }
    }
    #expect(unfiled.map(\.0) == [second.take, Self.first.take])
    #expect(unfiled.last?.1 == fixture.database.storedPath(for: broken.url))
    #expect(try fixture.types().last == "session.interrupted")
    let incidents = try Reports.session("S01", in: fixture.database).incidents.map(\.what.french)
    for player in [1, 2] {
      #expect(
        incidents.contains {
          $0.hasPrefix("Réponse ni classée ni mesurée, fichier laissé tel quel : joueur \(player) (")
        }, "\(incidents)")
    }
    #expect(
      try fixture.database.check.run().problems == [
        .unfiledAnswer(AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first), takes: 1),
        .unfiledAnswer(AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.second), takes: 1),
      ])

    let types = try fixture.types()
    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)
    #expect(try fixture.types() == types)
  }

  /// While another process recovers the database, the home screen's recovery does nothing rather
  /// than close the session a second time; once it is done, a recovery finds the session closed.
  @Test func oneProcessRecoversADatabaseAtATime() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let take = try fixture.take(Self.first)
    let path = try #require(fixture.database.path)
    var other = try SessionLock.holdRecovery(databasePath: path, waiting: false)
    #expect(other != nil)

    #expect(try SessionRecovery(database: fixture.database).recoverAll(waiting: false).isEmpty)
    #expect(try !fixture.types(in: "S01").contains("session.interrupted"))

    other = nil
    let reports = try SessionRecovery(database: fixture.database).recoverAll(waiting: false)
    #expect(reports.map(\.session) == ["S01"])
    #expect(reports.first?.recoveredFiles == [take.url])
    #expect(try fixture.types(in: "S01").filter { $0 == "session.interrupted" }.count == 1)
  }

  /// The run to resume is the one the log heard open last, even when the computer's clock went
  /// back and stamped its id earlier than the run before it.
  @Test func theRunToResumeIsTheLastOpenedWhateverItsTimeStamp() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let first: SessionID = "G1-S01-20270114T100000-aaaaaa"
    let second: SessionID = "G1-S01-20270114T090000-bbbbbb"
    try fixture.log(first, "session.opened")
    try fixture.log(first, "session.interrupted")
    try fixture.log(second, "session.opened")
    try fixture.log(second, "session.interrupted")

    let trials = [Trial(id: "T1", number: 1, stimulus: "verger", condition: .image)]
    let point = try SessionRecovery(database: fixture.database).resumePoint(ofPlanned: "G1-S01", trials: trials)
    #expect(point?.interruptedSession == second)
  }

  /// A catch-up run killed after its first trial resumes at its second trial: the group's own run
  /// of the planned session, which ended every trial, showed those images to other people. A run
  /// that resumes it in turn counts what it resumed: the chain, not every run of the session.
  @Test func aResumeCountsOnlyTheTrialsOfTheChainItResumes() throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let trials = ["T1", "T2", "T3"].enumerated().map { index, id in
      Trial(id: TrialID(id), number: index + 1, stimulus: "verger", condition: .image)
    }
    func ended(_ run: SessionID, _ trial: Int) throws {
      try fixture.log(run, .trial(.ended(TrialTag(trial: trials[trial].id, number: trial + 1), reason: nil, turns: 1)))
    }
    let group: SessionID = "G1-S01-20270114T090000-aaaaaa"
    try fixture.log(group, "session.opened")
    try fixture.log(group, .session(.runnerStarted(RunStart(resumes: ""))))
    for trial in trials.indices { try ended(group, trial) }
    try fixture.log(group, "session.ended")
    let catchUp: SessionID = "G1-S01-20270121T090000-bbbbbb"
    try fixture.log(catchUp, "session.opened")
    try fixture.log(catchUp, .session(.runnerStarted(RunStart(resumes: "", makeUp: [RecoveryFixture.second]))))
    try ended(catchUp, 0)
    try fixture.log(catchUp, "session.interrupted")
    let recovery = SessionRecovery(database: fixture.database)

    let point = try recovery.resumePoint(ofPlanned: "G1-S01", trials: trials)

    #expect(point == ResumePoint(interruptedSession: catchUp, trialIndex: 1))

    let resumed: SessionID = "G1-S01-20270121T093000-cccccc"
    try fixture.log(resumed, "session.opened")
    try fixture.log(
      resumed, .session(.runnerStarted(RunStart(resumes: catchUp.rawValue, makeUp: [RecoveryFixture.second]))))
    try ended(resumed, 1)
    try fixture.log(resumed, "session.interrupted")

    let again = try recovery.resumePoint(ofPlanned: "G1-S01", trials: trials)

    #expect(again == ResumePoint(interruptedSession: resumed, trialIndex: 2))
  }

  /// P02, absent from G1's session 1, makes it up in a catch-up run killed after one answer: the
  /// run never recorded the make-up, recovery does, from the make-up its runner.started names.
  /// A run resuming it and ending normally keeps the make-up under the chain's first run.
  @Test func aKilledMakeUpRunIsRecordedAsTheMakeUpAndItsResumeKeepsIt() throws {
    let fixture = try RecoveryFixture(sessions: [])
    defer { fixture.remove() }
    let absent = Attendance(
      study: "espoir-avc", group: "G1", sessionNumber: 1, participant: RecoveryFixture.second, status: .absent,
      reason: .ill, recordedBy: .therapist)
    try fixture.database.attendance.record(absent)
    func run(_ id: SessionID, resuming resumed: SessionID?) throws -> Session {
      let session = Session(
        id: id, study: "espoir-avc", group: "G1", number: 1, date: CalendarDate("2027-01-14")!, kind: .clinical,
        trials: [Trial(id: "T1", number: 1, stimulus: "verger", condition: .image)])
      try fixture.database.sessions.save(session)
      try fixture.log(id, "session.opened")
      try fixture.log(
        id,
        .session(
          .runnerStarted(
            RunStart(
              output: fixture.folder.path, resumes: resumed?.rawValue ?? "", makeUp: [RecoveryFixture.second]))))
      return session
    }
    let killed = try run("G1-S01-20270121T090000-bbbbbb", resuming: nil)
    try fixture.seat([RecoveryFixture.second], in: killed.id)
    try fixture.take(
      RecordingRequest(trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.second, turn: 1),
      in: killed.id)

    let reports = try SessionRecovery(database: fixture.database).recoverAll()

    #expect(reports.map(\.session) == [killed.id])
    #expect(reports.first?.recordedPresent == [], "a make-up is not presence at the group's session")
    var madeUp = absent
    madeUp.madeUpIn = killed.id
    #expect(try fixture.database.attendance.fetchAll(study: "espoir-avc") == [madeUp])
    #expect(try SessionRecovery(database: fixture.database).recoverAll().isEmpty)

    let resumed = try run("G1-S01-20270121T093000-cccccc", resuming: killed.id)
    try fixture.seat([RecoveryFixture.second], in: resumed.id)
    try fixture.log(resumed.id, "session.ended")
    try RunAttendance.record(
      seated: [RecoveryFixture.second], makeUp: [RecoveryFixture.second], session: resumed, in: fixture.database)

    #expect(try fixture.database.attendance.fetchAll(study: "espoir-avc") == [madeUp])
  }
}
