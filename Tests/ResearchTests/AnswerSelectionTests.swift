import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Research
@testable import Store

/// Runs of one planned session (study espoir-avc, group G1, session 1), filed as a real database
/// holds them: each run has its own session id, the same trial ids, its takes and its log.
private struct PlannedSessionRuns {
  let database: SessionDatabase

  init() throws {
    database = try SessionDatabase.inMemory()
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
  }

  /// A run of planned session `number` whose log opens `at` seconds into the morning.
  func run(_ id: SessionID, number: Int = 1, startsAt seconds: Double) throws {
    var session = StoreFixtures.firstSession
    session.id = id
    session.number = number
    try database.sessions.save(session)
    try log(id, "session.opened", at: seconds)
  }

  /// A take of `participant` in `trial` of run `session`, recorded `at` seconds into the morning
  /// (`nil`: the log has no `recording.started` for it), measured as `words` words.
  func take(
    _ session: SessionID, _ trial: TrialID, _ participant: String, words: Int, recordedAt seconds: Double?
  ) throws {
    if let seconds {
      try log(
        session, "recording.started", at: seconds, ["trial": trial.rawValue, "participant": participant, "player": "1"])
    }
    try database.measures.save(
      AnswerMeasures(
        answer: AnswerKey(session: session, trial: trial, participant: code(participant)), words: words,
        ruleSetVersion: "wc-fr-chat-1.0"))
  }

  func log(_ session: SessionID, _ type: EventType, at seconds: Double, _ payload: [String: String] = [:]) throws {
    try database.eventLog.append(
      SessionEvent(
        session: session, monotonicNanoseconds: UInt64(seconds * 1e9),
        wallClock: StoreFixtures.morning.addingTimeInterval(seconds), type: type, payload: payload))
  }

  func analysed() throws -> [AnalysedAnswer] {
    try ExportSnapshot.load(from: database).analysedAnswers
  }
}

/// One row per participant x planned trial, whatever the number of runs, resumes, redos or
/// recovered takes: the take recorded last.
@Suite struct AnswerSelectionTests {
  @Test func aResumedRunsNewTakeReplacesTheRecoveredOneAndEachPlannedAnswerCountsOnce() throws {
    let runs = try PlannedSessionRuns()
    // Run A crashes during T2; `db recover` files its T2 take; `run --resume` redoes T2 and goes on.
    try runs.run("G1-S01-A", startsAt: 0)
    try runs.take("G1-S01-A", "T1", "P01", words: 1, recordedAt: 10)
    try runs.take("G1-S01-A", "T2", "P01", words: 2, recordedAt: 20)
    try runs.log("G1-S01-A", "recording.recovered", at: 300, ["trial": "T2", "participant": "P01"])
    try runs.run("G1-S01-B", startsAt: 400)
    try runs.take("G1-S01-B", "T2", "P01", words: 20, recordedAt: 410)
    try runs.take("G1-S01-B", "T3", "P01", words: 30, recordedAt: 420)

    let rows = try runs.analysed()
    #expect(rows.map(\.trial.id) == ["T1", "T2", "T3"])
    #expect(rows.map(\.measures.words) == [1, 20, 30])
    #expect(rows.map(\.answer.session) == ["G1-S01-A", "G1-S01-B", "G1-S01-B"])
    #expect(rows.map(\.takes) == [1, 2, 1])
    // Every take stays in the database: the choice is made when reading, never by deleting.
    #expect(try runs.database.measures.fetchAll().count == 4)
  }

  @Test func aRecoveredTakeRanksByWhenItWasRecordedNotWhenItWasFiled() throws {
    let runs = try PlannedSessionRuns()
    // Run A's take is recorded, A crashes, run B records and files its take; A's older take is
    // recovered and filed afterwards.
    try runs.run("G1-S01-A", startsAt: 0)
    try runs.log("G1-S01-A", "recording.started", at: 10, ["trial": "T1", "participant": "P01", "player": "1"])
    try runs.run("G1-S01-B", startsAt: 100)
    try runs.take("G1-S01-B", "T1", "P01", words: 7, recordedAt: 110)
    try runs.take("G1-S01-A", "T1", "P01", words: 3, recordedAt: nil)
    try runs.log("G1-S01-A", "recording.recovered", at: 500, ["trial": "T1", "participant": "P01"])

    let rows = try runs.analysed()
    #expect(rows.count == 1)
    #expect(rows.first?.answer.session == "G1-S01-B")
    #expect(rows.first?.measures.words == 7)
    #expect(rows.first?.takes == 2)
  }

  @Test func aRedoInsideARunIsAlreadyOneTakeAndAcrossRunsTheLastRunWins() throws {
    let runs = try PlannedSessionRuns()
    try runs.run("G1-S01-A", startsAt: 0)
    // Two takes of T1 in run A (a redo): the database keeps the later one, the log both.
    try runs.take("G1-S01-A", "T1", "P02", words: 4, recordedAt: 10)
    try runs.take("G1-S01-A", "T1", "P02", words: 5, recordedAt: 15)
    // Three demo runs of the same planned session 1.
    try runs.run("G1-S01-B", startsAt: 100)
    try runs.take("G1-S01-B", "T1", "P02", words: 6, recordedAt: 110)
    try runs.run("G1-S01-C", startsAt: 200)
    try runs.take("G1-S01-C", "T1", "P02", words: 8, recordedAt: 210)

    let rows = try runs.analysed()
    #expect(rows.map(\.measures.words) == [8])
    #expect(rows.map(\.takes) == [3])
  }

  /// A computer without a battery-backed clock, or a time correction, can stamp the run that
  /// resumed a crashed one earlier than it: the run the log heard last still wins.
  @Test func aRunWhoseClockWentBackStillCountsAsTheLater() throws {
    let runs = try PlannedSessionRuns()
    try runs.run("G1-S01-A", startsAt: 1000)
    try runs.take("G1-S01-A", "T1", "P01", words: 3, recordedAt: 1010)
    try runs.run("G1-S01-B", startsAt: 100)
    try runs.take("G1-S01-B", "T1", "P01", words: 7, recordedAt: 110)
    #expect(try runs.analysed().map(\.measures.words) == [7])
  }

  @Test func aTakeTheLogDoesNotDescribeRanksByItsRunsStart() throws {
    let runs = try PlannedSessionRuns()
    // Measured by `analyze session` from files, with no recording.started in the log.
    try runs.run("G1-S01-A", startsAt: 0)
    try runs.take("G1-S01-A", "T1", "P01", words: 1, recordedAt: nil)
    try runs.run("G1-S01-B", startsAt: 100)
    try runs.take("G1-S01-B", "T1", "P01", words: 2, recordedAt: nil)
    #expect(try runs.analysed().map(\.measures.words) == [2])
  }

  @Test func differentPlannedSessionsAndParticipantsAreNeverMerged() throws {
    let runs = try PlannedSessionRuns()
    try runs.run("G1-S01-A", number: 1, startsAt: 0)
    try runs.run("G1-S02-A", number: 2, startsAt: 100)
    try runs.take("G1-S01-A", "T1", "P01", words: 1, recordedAt: 10)
    try runs.take("G1-S01-A", "T1", "P02", words: 2, recordedAt: 11)
    try runs.take("G1-S02-A", "T1", "P01", words: 3, recordedAt: 110)
    let rows = try runs.analysed()
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0.takes == 1 })
  }

  @Test func measuresCSVAndStatisticsCountEachPlannedAnswerOnceAndTrajectoriesKeyByPlannedSession() throws {
    let runs = try PlannedSessionRuns()
    for (index, run) in ["G1-S01-A", "G1-S01-B", "G1-S01-C"].enumerated() {
      let start = Double(index) * 100
      try runs.run(SessionID(run), startsAt: start)
      for participant in ["P01", "P02"] {
        try runs.take(SessionID(run), "T1", participant, words: 10 * (index + 1), recordedAt: start + 10)
        try runs.take(SessionID(run), "T3", participant, words: index + 1, recordedAt: start + 20)
      }
    }
    let snapshot = try ExportSnapshot.load(from: runs.database)
    let measures = try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" })
    #expect(measures.rowCount == 4)
    let report = StatisticsReport(snapshot: snapshot, measures: [.words])
    let words = try #require(report.measures.first)
    #expect(words.conditions.map(\.answers) == [2, 2])
    #expect(words.conditions.map(\.values) == [[30, 30], [3, 3]])
    #expect(words.trajectory.map(\.session) == [1, 1], "three runs of planned session 1 are one point")
    #expect(words.trajectory.map(\.participants) == [2, 2])
  }
}

/// CHAT and TextGrid files follow the rule `measures.csv` follows: after a resume, one file per
/// planned answer, the take that counts; the superseded take has no file.
@Suite struct PerAnswerExportsCountOnceTests {
  /// Run A recorded T1 and T2, then crashed; run B redid T2. Run A also filed a T3 recording
  /// that was never measured (its planned answer has no counted take, so it keeps its file).
  static func resumedStudy() throws -> ExportSnapshot {
    let runs = try PlannedSessionRuns()
    try runs.run("G1-S01-A", startsAt: 0)
    try runs.take("G1-S01-A", "T1", "P01", words: 1, recordedAt: 10)
    try runs.take("G1-S01-A", "T2", "P01", words: 2, recordedAt: 20)
    try runs.run("G1-S01-B", startsAt: 400)
    try runs.take("G1-S01-B", "T2", "P01", words: 20, recordedAt: 410)
    let takes: [(SessionID, TrialID)] = [
      ("G1-S01-A", "T1"), ("G1-S01-A", "T2"), ("G1-S01-B", "T2"), ("G1-S01-A", "T3"),
    ]
    var transcripts: [AnswerKey: Transcript] = [:]
    for (session, trial) in takes {
      try runs.database.recordings.save(
        Recording(
          session: session, trial: trial, participant: code("P01"), path: "\(session)/\(trial)-P01-turn1.wav",
          sha256: String(repeating: "0", count: 64), durationSeconds: 5))
      transcripts[AnswerKey(session: session, trial: trial, participant: code("P01"))] = Transcript(
        format: .chat, utterances: [Utterance(speaker: "P01", text: "le verger .", start: 1, end: 2)])
    }
    let loaded = try ExportSnapshot.load(from: runs.database)
    return ExportSnapshot(
      study: loaded.study, sessions: loaded.sessions, groups: loaded.groups, measures: loaded.measures,
      recordings: loaded.recordings, latestCodings: loaded.latestCodings, events: loaded.events,
      transcripts: transcripts)
  }

  @Test func theSupersededTakeHasNoCHATFileAndNoTextGrid() throws {
    let snapshot = try Self.resumedStudy()
    #expect(snapshot.recordings.count == 4, "every take stays in the database")
    #expect(
      try TextGridExport().files(for: snapshot).map(\.name) == [
        "textgrid/G1-S01-A/T1-P01.TextGrid", "textgrid/G1-S01-A/T3-P01.TextGrid", "textgrid/G1-S01-B/T2-P01.TextGrid",
      ])
    #expect(
      try CHATExport().files(for: snapshot).map(\.name) == [
        "chat/G1-S01-A/T1-P01-turn1.cha", "chat/G1-S01-A/T3-P01-turn1.cha", "chat/G1-S01-B/T2-P01-turn1.cha",
      ])
  }

  @Test func measuresCSVAndThePerAnswerFilesShowTheSameTakes() throws {
    let snapshot = try Self.resumedStudy()
    let counted = snapshot.analysedAnswers.map { "\($0.answer.session.rawValue)/\($0.answer.trial.rawValue)" }
    #expect(counted == ["G1-S01-A/T1", "G1-S01-B/T2"])
    let grids = try TextGridExport().files(for: snapshot).map(\.name)
    for answer in counted {
      #expect(grids.contains("textgrid/\(answer)-P01.TextGrid"))
    }
  }
}

/// A make-up killed and resumed is one make-up: the answers of every run of its chain are marked,
/// whichever run the attendance names, and no other run's are.
@Suite struct MakeUpChainTests {
  /// G1's own run A (P01; P02 absent), then P02's catch-up run B, killed after T1, and run C
  /// resuming it for T2 and T3. P01 also redoes T2 in a later run D of the session, resuming none.
  static func catchUpResumed(madeUpIn: SessionID) throws -> SessionDatabase {
    let runs = try PlannedSessionRuns()
    try runs.run("G1-S01-A", startsAt: 0)
    try runs.log("G1-S01-A", "runner.started", at: 1, ["resumes": ""])
    try runs.take("G1-S01-A", "T1", "P01", words: 1, recordedAt: 10)
    try runs.run("G1-S01-B", startsAt: 100)
    try runs.log("G1-S01-B", "runner.started", at: 101, ["resumes": "", "makeUp": "P02"])
    try runs.take("G1-S01-B", "T1", "P02", words: 2, recordedAt: 110)
    try runs.run("G1-S01-C", startsAt: 200)
    try runs.log("G1-S01-C", "runner.started", at: 201, ["resumes": "G1-S01-B", "makeUp": "P02"])
    try runs.take("G1-S01-C", "T2", "P02", words: 3, recordedAt: 210)
    try runs.take("G1-S01-C", "T3", "P02", words: 4, recordedAt: 220)
    try runs.run("G1-S01-D", startsAt: 300)
    try runs.log("G1-S01-D", "runner.started", at: 301, ["resumes": ""])
    try runs.take("G1-S01-D", "T2", "P01", words: 5, recordedAt: 310)
    try runs.database.attendance.record(
      Attendance(
        study: "espoir-avc", group: "G1", sessionNumber: 1, participant: code("P02"), status: .absent, reason: .ill,
        madeUpIn: madeUpIn, recordedBy: .therapist))
    return runs.database
  }

  static func marks(_ snapshot: ExportSnapshot) -> Set<String> {
    Set(
      snapshot.analysedAnswers.map {
        "\($0.answer.session.rawValue)/\($0.answer.trial.rawValue)/\($0.answer.participant.rawValue)=\($0.isMakeUp)"
      })
  }

  @Test(arguments: ["G1-S01-B", "G1-S01-C"] as [SessionID])
  func everyRunOfTheMakeUpsChainIsMarkedWhicheverRunTheAttendanceNames(_ madeUpIn: SessionID) throws {
    let database = try Self.catchUpResumed(madeUpIn: madeUpIn)

    let snapshot = try ExportSnapshot.load(from: database)

    #expect(
      Self.marks(snapshot) == [
        "G1-S01-A/T1/P01=false", "G1-S01-D/T2/P01=false",
        "G1-S01-B/T1/P02=true", "G1-S01-C/T2/P02=true", "G1-S01-C/T3/P02=true",
      ])
  }

  /// An export of one run reads that run's events only; the chain comes from the whole log.
  @Test func anExportOfOneRunOfTheChainMarksItsAnswers() throws {
    let database = try Self.catchUpResumed(madeUpIn: "G1-S01-B")

    let snapshot = try ExportSnapshot.load(from: database, session: "G1-S01-C")

    #expect(Self.marks(snapshot) == ["G1-S01-C/T2/P02=true", "G1-S01-C/T3/P02=true"])
  }
}
