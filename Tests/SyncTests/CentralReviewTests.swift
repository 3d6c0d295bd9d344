import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Sync

/// A second coder reviews the whole trial from the central server: the saves go back to the
/// server, once each, whatever is cut, and the trial read back again has them.
@Suite(.serialized)
struct CentralReviewTests {
  @Test func aCentralCodersSavesReachTheServerOnceEachAndComeBackWithTheTrial() async throws {
    let server = try TemporaryPostgres()
    defer { server.stop() }
    let trial = try SyntheticTrial(design: SiteSyncTests.small)
    let site = try SessionDatabase(path: trial.databasePath)
    let address = try ServerAddress(server.address)
    let password = TemporaryPostgres.password
    _ = try await Synchronisation.push(site, to: address, password: password, site: "LYON", audioStore: nil)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let working = folder.appendingPathComponent("trial.sqlite").path
    let review = try await CentralReview.open(address, password: password, workingFile: working, audioStore: nil)
    let answer = try #require(try review.database.measures.fetchAll().first).answer
    #expect(answer.session.rawValue.hasPrefix("LYON-"), "the central trial's sessions are qualified")
    let coder = try #require(CoderCode(rawValue: "ORT2"))
    var revision = try review.database.review.view(of: answer, for: coder).revision
    revision = try review.database.review.saveMemories(
      MemoryCount(memories: 2, specific: 1), of: answer, by: coder, basedOn: revision
    ).revision
    revision = try review.database.review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.9, lastWordOffsetSeconds: 2.1), of: answer, by: coder,
      basedOn: revision
    ).revision
    revision = try review.database.review.saveConsensus(
      2, for: .memories, of: answer, by: coder, basedOn: revision
    ).revision
    // Sent once, then nothing is left to send.
    #expect(try await review.writeBackTheRest() == 7)
    #expect(try await review.writeBackTheRest() == 0)
    let fromReview = "site = 'central-review' AND session_id = '\(answer.session)'"
    let counts = """
      SELECT (SELECT count(*) FROM memory_coding WHERE \(fromReview) AND coder = 'ORT2') || ' ' ||
             (SELECT count(*) FROM reviewed_timing WHERE \(fromReview)) || ' ' ||
             (SELECT count(*) FROM consensus WHERE \(fromReview)) || ' ' ||
             (SELECT count(*) FROM event WHERE \(fromReview) AND type LIKE 'review.%') || ' ' ||
             (SELECT count(*) FROM coder WHERE site = 'central-review')
      """
    #expect(try server.psql(counts, database: TemporaryPostgres.database) == "1 1 1 3 1")

    // A save whose write-back was cut after the server took it is sent again: nothing doubles.
    revision = try review.database.review.saveMemories(
      MemoryCount(memories: 3, specific: 1), of: answer, by: coder, basedOn: revision
    ).revision
    try SQLiteShell.run("CREATE TABLE kept AS SELECT table_name, row FROM review_outbox", on: working)
    #expect(try await review.writeBackTheRest() == 2)
    try SQLiteShell.run("INSERT INTO review_outbox (table_name, row) SELECT table_name, row FROM kept", on: working)
    #expect(try await review.writeBackTheRest() == 2)
    #expect(try server.psql(counts, database: TemporaryPostgres.database) == "2 1 1 4 1")

    // A save left behind by a review that was killed goes first at the next one.
    _ = try review.database.review.saveConsensus(
      3, for: .memories, of: answer, by: coder, basedOn: revision)
    let next = try await CentralReview.open(address, password: password, workingFile: working, audioStore: nil)
    #expect(try server.psql(counts, database: TemporaryPostgres.database) == "2 1 2 5 1")
    // Read back, the answer has the central coder's latest codings beside the site's.
    let codings = try next.database.review.view(of: answer, for: coder)
    #expect(codings.own.memories?.memories == 3)
    #expect(codings.consensus[.memories]?.value == 3)
    // The site syncs on as before: nothing to send, and nothing of the review removed.
    #expect(
      try await Synchronisation.push(site, to: address, password: password, site: nil, audioStore: nil)
        .totalRowsSent == 0)
    #expect(try server.psql(counts, database: TemporaryPostgres.database) == "2 1 2 5 1")
  }
}
