import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@Suite struct EventLogTests {
  @Test func appendedEventsComeBackInOrderWithIncreasingSequences() throws {
    let log = try StoreFixtures.plannedDatabase().eventLog
    let events = [
      StoreFixtures.event("S01", "session.started", at: 0),
      StoreFixtures.event("S02", "session.started", at: 1_000),
      StoreFixtures.event("S01", "scent.released", at: 2_000_000, ["scent": "cafe", "seconds": "4"]),
      StoreFixtures.event("S01", "answer.recorded", at: 3_500_000_000, ["participant": "P01", "note": "« é », \"x\""]),
    ]
    let sequences = try events.map { try log.append($0) }
    #expect(sequences == [1, 2, 3, 4])
    #expect(
      try log.events(in: "S01") == [
        StoredEvent(sequence: 1, event: events[0]), StoredEvent(sequence: 3, event: events[2]),
        StoredEvent(sequence: 4, event: events[3]),
      ])
    #expect(try log.allEvents().map(\.sequence) == [1, 2, 3, 4])
    #expect(try log.events(in: "S09") == [])
  }

  @Test func eventsOfSomeTypesComeBackInLogOrderAcrossSessions() throws {
    let log = try StoreFixtures.plannedDatabase().eventLog
    let events = [
      StoreFixtures.event("S01", "session.opened", at: 0),
      StoreFixtures.event("S01", "pad.pressed", at: 1, ["pad": "1"]),
      StoreFixtures.event("S02", "session.opened", at: 2),
      StoreFixtures.event("S01", "session.ended", at: 3, ["reason": "completed"]),
    ]
    try log.append(contentsOf: events)
    #expect(
      try log.events(ofTypes: ["session.opened", "session.ended"]).map(\.event) == [events[0], events[2], events[3]])
    #expect(try log.events(ofTypes: ["session.interrupted"]).isEmpty)
    #expect(try log.events(ofTypes: []).isEmpty)
  }

  @Test func aBatchIsWrittenInOneGoWithConsecutiveSequences() throws {
    let log = try StoreFixtures.plannedDatabase().eventLog
    try log.append(StoreFixtures.event("S01", "session.started", at: 0))
    let batch = (1...5).map { StoreFixtures.event("S01", "pad.pressed", at: UInt64($0), ["pad": "\($0)"]) }
    #expect(try log.append(contentsOf: batch) == [2, 3, 4, 5, 6])
    #expect(try log.events(in: "S01").map(\.event) == [StoreFixtures.event("S01", "session.started", at: 0)] + batch)
  }

  @Test func theWholeMonotonicRangeRoundTrips() throws {
    let log = try SessionDatabase.inMemory().eventLog
    let late = SessionEvent(
      session: "S01", monotonicNanoseconds: UInt64.max - 1, wallClock: StoreFixtures.morning, type: "clock.edge")
    try log.append(late)
    #expect(try log.events(in: "S01").map(\.event) == [late])
  }

  struct Tampering: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let sql: String
  }

  /// The log is append-only in the file itself, so even a tool other than ConnectAge cannot rewrite it.
  @Test(arguments: [
    Tampering(testDescription: "update", sql: "UPDATE event SET type = 'edited'"),
    Tampering(testDescription: "delete", sql: "DELETE FROM event"),
  ])
  func rewritingTheLogIsRefusedByTheFile(_ tampering: Tampering) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("connectage.sqlite").path
    let database = try SessionDatabase(path: path)
    let event = StoreFixtures.event("S01", "session.started", at: 0)
    try database.eventLog.append(event)
    let result = try SQLiteShell.run(tampering.sql, on: path)
    #expect(result.status != 0)
    #expect(result.output.contains("the event log is append-only"))
    #expect(try database.eventLog.events(in: "S01") == [StoredEvent(sequence: 1, event: event)])
  }
}
