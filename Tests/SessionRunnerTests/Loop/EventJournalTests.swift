import Foundation
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// A log that cannot be written for a while (another program holds the database locked) loses
/// no event and keeps their order; the failure is visible while it lasts. Events that reach the
/// journal in another order than their times are stored in time order.
@Suite struct EventJournalTests {
  static func event(_ name: String, at time: UInt64) -> SessionEvent {
    SessionEvent(
      session: "S01", monotonicNanoseconds: time, wallClock: Date(), type: EventType(rawValue: "test.\(name)"))
  }

  static func stored(in fixture: RecoveryFixture) throws -> [SessionEvent] {
    try fixture.database.eventLog.events(in: "S01").map(\.event).filter { $0.type.rawValue.hasPrefix("test.") }
  }

  /// The diffuser's "sent" reaches the journal before the engine's "requested" stamped earlier.
  @Test func eventsThatArriveOutOfTheirTimeOrderAreStoredInIt() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let now = MonotonicClock.nanoseconds()
    let journal = EventJournal(log: fixture.database.eventLog, settling: 10_000_000_000, trace: nil)
    journal.record(Self.event("sent", at: now + 3))
    journal.record(Self.event("requested", at: now + 1))
    journal.record(Self.event("acknowledged", at: now + 5))
    journal.record(Self.event("sameTimeFirst", at: now + 5))

    #expect(try await journal.finish() == 4)

    let events = try Self.stored(in: fixture)
    #expect(events.map(\.type.rawValue) == ["test.requested", "test.sent", "test.acknowledged", "test.sameTimeFirst"])
    #expect(events.map(\.monotonicNanoseconds) == [now + 1, now + 3, now + 5, now + 5])
    #expect(events.allSatisfy { $0.payload["happenedAtNanoseconds"] == nil })
  }

  /// An event later than the settling time never goes before one already written: it takes the
  /// last written time and keeps its own.
  @Test func anEventLaterThanTheSettlingTimeIsWrittenAfterWithItsOwnTimeKept() async throws {
    let fixture = try RecoveryFixture()
    defer { fixture.remove() }
    let journal = EventJournal(log: fixture.database.eventLog, settling: 0, trace: nil)
    let now = MonotonicClock.nanoseconds()
    journal.record(Self.event("written", at: now))
    for _ in 0..<600 where try Self.stored(in: fixture).isEmpty {
      try await Task.sleep(for: .milliseconds(10))
    }
    try #require(try Self.stored(in: fixture).count == 1, "the first event was never written")
    journal.record(Self.event("late", at: now - 1_000))

    _ = try await journal.finish()

    let events = try Self.stored(in: fixture)
    #expect(events.map(\.type.rawValue) == ["test.written", "test.late"])
    #expect(events.map(\.monotonicNanoseconds) == [now, now])
    #expect(events.last?.payload["happenedAtNanoseconds"] == String(now - 1_000))
  }

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
