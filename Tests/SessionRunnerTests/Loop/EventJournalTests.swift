import Foundation
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// A log that cannot be written for a while (another program holds the database locked) loses
/// no event and keeps their order; the failure is visible while it lasts.
@Suite struct EventJournalTests {
  @Test func eventsWaitInOrderWhileTheDatabaseIsLockedAndAreAllWrittenOnceItIsFree() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let journal = EventJournal(
      log: fixture.database.eventLog,
      retry: EventJournal.RetryPolicy(firstPause: .milliseconds(10), longestPause: .milliseconds(200)))
    func record(_ number: Int) {
      journal.record(
        SessionEvent(
          session: "S01", monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(), type: "test.numbered",
          payload: ["n": String(number)]))
    }
    record(0)
    let lock = try DatabaseLockHolder(path: fixture.folder.appendingPathComponent("connectage.sqlite").path)
    defer { lock.release() }
    for number in 1...3 { record(number) }
    // The busy timeout is five seconds: the first append gives up after that.
    var failure: EventJournal.JournalFailure?
    for _ in 0..<600 where failure == nil {
      try await Task.sleep(for: .milliseconds(50))
      failure = journal.failure
    }
    let seen = try #require(failure, "the journal never noticed the locked database")
    #expect(seen.notice.french.hasPrefix("Le journal de la séance ne s'écrit plus sur le disque : "))
    for number in 4...6 { record(number) }
    lock.release()

    let written = try await journal.finish()

    #expect(journal.failure == nil)
    let numbers = try fixture.database.eventLog.events(in: "S01").map(\.event)
      .filter { $0.type.rawValue == "test.numbered" }.compactMap { $0.payload["n"] }
    #expect(numbers == (0...6).map(String.init))
    #expect(written == 7)
  }
}
