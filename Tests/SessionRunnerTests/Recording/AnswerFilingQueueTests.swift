import Foundation
import SessionEngine
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// During a session, the database keeps the last take of a participant in a trial, however long
/// the earlier one takes to measure, and the log says which take replaced which.
@Suite struct AnswerFilingQueueTests {
  @Test(arguments: [
    RecordingRequest(
      trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1, redo: 1),
    RecordingRequest(trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 2),
  ])
  @MainActor func theLaterTakeIsKeptAndTheReplacementLogged(_ later: RecordingRequest) async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let journal = EventJournal(log: fixture.database.eventLog)
    let queue = AnswerFilingQueue(
      analysis: AnswerAnalysis(session: "S01", database: fixture.database), journal: journal)
    // The earlier take is long, so measuring it takes longer than measuring the later one.
    let first = try fixture.take(
      RecordingRequest(trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1),
      seconds: 90)
    let second = try fixture.take(later, seconds: 0.5)

    queue.file(first)
    queue.file(second)
    let outcomes = try await queue.finish().map { try $0.get() }
    _ = try await journal.finish()

    #expect(outcomes.map(\.replacedPath) == [nil, fixture.database.storedPath(for: first.url)])
    let answer = AnswerKey(session: "S01", trial: "T1", participant: RecoveryFixture.first)
    #expect(try fixture.database.recordings.fetch(answer)?.path == fixture.database.storedPath(for: second.url))
    let superseded = try fixture.database.eventLog.events(in: "S01").map(\.event)
      .filter { $0.type.rawValue == "recording.superseded" }
    #expect(
      superseded.map(\.payload) == [
        [
          "trial": "T1", "participant": "P01", "player": "1",
          "replaced": fixture.database.storedPath(for: first.url), "by": fixture.database.storedPath(for: second.url),
        ]
      ])
  }

  /// A resumed run redoes the interrupted trial: its take stands for the one the interrupted run
  /// filed, and the log says so; both stay in the database.
  @MainActor @Test func aTakeOfAResumedRunSupersedesTheInterruptedRunsTakeOfTheSamePlannedAnswer() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let planned = try #require(try fixture.database.sessions.fetch("S01"))
    var resumed = planned
    resumed.id = "S01-RESUMED"
    try fixture.database.sessions.save(resumed)
    var otherSession = planned
    otherSession.id = "S02"
    otherSession.number = 2
    try fixture.database.sessions.save(otherSession)
    let request = RecordingRequest(
      trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1)
    let interrupted = try fixture.take(request, in: "S01")
    _ = try AnswerAnalysis(session: "S01", database: fixture.database).analyze(interrupted)
    _ = try AnswerAnalysis(session: "S02", database: fixture.database).analyze(try fixture.take(request, in: "S02"))

    let journal = EventJournal(log: fixture.database.eventLog)
    let queue = AnswerFilingQueue(
      analysis: AnswerAnalysis(session: "S01-RESUMED", database: fixture.database), journal: journal)
    let redone = try fixture.take(request, in: "S01-RESUMED")
    queue.file(redone)
    let outcomes = try await queue.finish().map { try $0.get() }
    _ = try await journal.finish()

    #expect(outcomes.first?.otherRunTakes.map(\.session) == ["S01"], "session 2 is another planned session")
    let superseded = try fixture.database.eventLog.events(in: "S01-RESUMED").map(\.event)
      .filter { $0.type.rawValue == "recording.superseded" }
    #expect(
      superseded.map(\.payload) == [
        [
          "trial": "T1", "participant": "P01", "player": "1", "replacedSession": "S01",
          "replaced": fixture.database.storedPath(for: interrupted.url),
          "by": fixture.database.storedPath(for: redone.url),
        ]
      ])
    #expect(try fixture.database.recordings.fetchAll().count == 3, "every take stays filed")
  }

  /// A take that cannot be measured is logged as unfiled when the run finds it, so the session's
  /// report lists it and the next start's recovery does not say it a second time.
  @MainActor @Test func aTakeThatCannotBeMeasuredIsLoggedUnfiledAndNotToldAgainAfterTheEnd() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let journal = EventJournal(log: fixture.database.eventLog)
    let queue = AnswerFilingQueue(
      analysis: AnswerAnalysis(session: "S01", database: fixture.database), journal: journal)
    let request = RecordingRequest(
      trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: RecoveryFixture.first, turn: 1)
    let broken = try fixture.take(request, garbage: true)

    queue.file(broken)
    let outcomes = await queue.finish()
    _ = try await journal.finish()

    #expect(throws: (any Error).self) { try outcomes.first?.get() }
    let unfiled = try fixture.database.eventLog.events(in: "S01").map(\.event.kind).last
    guard case .recording(.unfiled(let take, let path, let reason)) = unfiled else {
      Issue.record("no recording.unfiled: \(String(describing: unfiled))")
      return
    }
    #expect(take == request.take && path == fixture.database.storedPath(for: broken.url) && !reason.isEmpty)

    try fixture.log("S01", "session.ended")
    let reports = try SessionRecovery(database: fixture.database).recoverAll()
    #expect(reports.allSatisfy { $0.unrecoveredFiles.isEmpty }, "the run said it already")
    #expect(try fixture.types().filter { $0 == "recording.unfiled" }.count == 1)
  }
}
