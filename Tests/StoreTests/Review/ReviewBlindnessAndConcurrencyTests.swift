import Foundation
import SessionModel
import Store
import Testing

@Suite struct ReviewBlindnessTests {
  @Test func aCoderSeesTheOtherCodersValuesOnlyAfterSavingTheirOwn() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try fixture.codeMemories(3, specific: 1, of: fixture.first, by: fixture.ort1)
    try fixture.markTiming(0.5, 2, of: fixture.first, by: fixture.ort1)

    let blind = try review.view(of: fixture.first, for: fixture.ort2)
    #expect(blind.hidden == [.transcript, .timing, .memories])
    #expect(blind.others[fixture.ort1] == CoderValues())
    #expect(blind.own == CoderValues())

    let coded = try review.saveMemories(
      MemoryCount(memories: 2, specific: 0), of: fixture.first, by: fixture.ort2, basedOn: blind.revision)
    #expect(coded.hidden == [.transcript, .timing])
    #expect(coded.others[fixture.ort1]?.memories == MemoryCount(memories: 3, specific: 1))
    #expect(coded.others[fixture.ort1]?.timing == nil)

    // The first coder, who saved both, sees the second coder's memories.
    let first = try review.view(of: fixture.first, for: fixture.ort1)
    #expect(first.others[fixture.ort2]?.memories == MemoryCount(memories: 2, specific: 0))
  }

  @Test func aConsensusIsHiddenFromACoderWhoHasNotCodedTheMeasure() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    for (coder, onset) in [(fixture.ort1, 0.5), (fixture.ort2, 0.75)] {
      try fixture.markTiming(onset, 2, of: fixture.first, by: coder)
    }
    try review.saveConsensus(
      0.625, for: .onset, of: fixture.first, by: fixture.ort2, basedOn: fixture.revision(of: fixture.first))
    let third = CoderCode(rawValue: "RA1")!
    #expect(try review.view(of: fixture.first, for: third).consensus.isEmpty)
    #expect(try review.view(of: fixture.first, for: fixture.ort1).consensus[.onset]?.value == 0.625)
  }

  @Test func theStaleConflictShowsTheCurrentVersionBlind() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let loaded = try review.view(of: fixture.first, for: fixture.ort2)
    try review.saveMemories(
      MemoryCount(memories: 3, specific: 1), of: fixture.first, by: fixture.ort1, basedOn: loaded.revision)
    do {
      try review.saveMemories(
        MemoryCount(memories: 1, specific: 1), of: fixture.first, by: fixture.ort2, basedOn: loaded.revision)
      Issue.record("a save on a stale revision was accepted")
    } catch let conflict as StaleRevision {
      #expect(conflict.basedOn == loaded.revision)
      #expect(conflict.current.revision == loaded.revision + 1)
      #expect(conflict.current.others[fixture.ort1]?.memories == nil)
      #expect(conflict.message.french.contains("rien n'a été enregistré"))
    }
    #expect(try review.records()[fixture.first]?.coders[fixture.ort2] == nil)
  }
}

@Suite struct ReviewConcurrencyTests {
  /// Two processes' worth of connections on one file: the second save on the same revision is
  /// refused, whichever connection it comes from, and nothing it carried is written.
  @Test func twoWritersOnOneFileCannotOverwriteEachOther() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let (first, second) = (try fixture.reopened(), try fixture.reopened())
    let revision = try first.review.view(of: fixture.first, for: fixture.ort1).revision
    try first.review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.5, lastWordOffsetSeconds: 2), of: fixture.first, by: fixture.ort1,
      basedOn: revision)
    #expect(throws: StaleRevision.self) {
      try second.review.saveTiming(
        ReviewedTiming(firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 2), of: fixture.first, by: fixture.ort1,
        basedOn: revision)
    }
    #expect(try second.review.records()[fixture.first]?.coders[fixture.ort1]?.timing?.firstWordOnsetSeconds == 0.5)
    #expect(try second.eventLog.allEvents().count == 1)
  }

  /// Writers racing on the same revision from separate connections: exactly one wins.
  @Test func ofManyRacingSavesOnOneRevisionExactlyOneIsKept() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let writers = try (0..<6).map { _ in try fixture.reopened() }
    let revision = try fixture.revision(of: fixture.first)
    let outcomes = Outcomes()
    DispatchQueue.concurrentPerform(iterations: writers.count) { index in
      do {
        try writers[index].review.saveMemories(
          MemoryCount(memories: index, specific: 0), of: fixture.first, by: fixture.ort1, basedOn: revision)
        outcomes.add("saved")
      } catch is StaleRevision {
        outcomes.add("stale")
      } catch {
        outcomes.add("\(error)")
      }
    }
    #expect(outcomes.all.sorted() == ["saved"] + Array(repeating: "stale", count: writers.count - 1))
    #expect(try fixture.revision(of: fixture.first) == revision + 1)
    #expect(try fixture.database.measures.codings(of: fixture.first).count == 1)
    #expect(try fixture.database.eventLog.allEvents().count == 1)
  }

  @Test func writersOnDifferentAnswersDoNotConflict() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let (first, second) = (try fixture.reopened(), try fixture.reopened())
    let revisions = [try fixture.revision(of: fixture.first), try fixture.revision(of: fixture.second)]
    try first.review.saveMemories(
      MemoryCount(memories: 1, specific: 1), of: fixture.first, by: fixture.ort1, basedOn: revisions[0])
    try second.review.saveMemories(
      MemoryCount(memories: 2, specific: 0), of: fixture.second, by: fixture.ort2, basedOn: revisions[1])
    #expect(try fixture.database.review.records().count == 2)
  }
}

private final class Outcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var outcomes: [String] = []
  func add(_ outcome: String) { lock.withLock { outcomes.append(outcome) } }
  var all: [String] { lock.withLock { outcomes } }
}
