import Foundation
import SessionModel
import TestSupport
import Testing

@testable import Store

/// The review queue read by SQL a page at a time (`answer_blind_key`, states by SQL): the same
/// states as the review records give, the blind order, the counts, and the ids of answers filed
/// before the keys were kept.
@Suite struct ReviewQueueTests {
  let ort1 = CoderCode(rawValue: "ORT1")!
  let ort2 = CoderCode(rawValue: "ORT2")!

  private func code(_ memories: Int, _ answer: AnswerKey, by coder: CoderCode, in database: SessionDatabase) throws {
    try database.review.saveMemories(
      MemoryCount(memories: memories, specific: nil), of: answer, by: coder,
      basedOn: database.review.view(of: answer, for: coder).revision)
  }

  /// One answer in each state, some of them two ways, and a sheet coding signed with a name.
  private func study() throws -> (ReviewStudyFixture, [AnswerKey: ReviewState]) {
    let study = try ReviewStudyFixture(participants: 3, trials: 3, withRecordings: false)
    let database = study.database
    let a = study.answers
    var measured = try #require(try database.measures.fetch(a[0]))
    measured.words = 5
    try database.measures.save(measured)
    try code(1, a[1], by: ort1, in: database)
    try code(1, a[2], by: ort1, in: database)
    try code(3, a[2], by: ort2, in: database)
    try code(2, a[3], by: ort1, in: database)
    try code(2, a[3], by: ort2, in: database)
    try code(1, a[4], by: ort1, in: database)
    try code(3, a[4], by: ort2, in: database)
    try database.review.saveConsensus(
      2, for: .memories, of: a[4], by: ort1, basedOn: database.review.view(of: a[4], for: ort1).revision)
    // Only each coder's latest coding counts: ORT1's 1 is replaced by 2, which ORT2 gave too.
    try code(1, a[5], by: ort1, in: database)
    try code(2, a[5], by: ort2, in: database)
    try code(2, a[5], by: ort1, in: database)
    // A sheet signed with a name is no coder's coding.
    let sheet = try SQLiteShell.run(
      """
      INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n)
      VALUES ('\(a[6].session.rawValue)', '\(a[6].trial.rawValue)', '\(a[6].participant.rawValue)', 'Marie',
        '2027-01-14T09:30:00.125Z', 2);
      """, on: study.folder.appendingPathComponent("connectage.sqlite").path)
    #expect(sheet.status == 0, "\(sheet.output)")
    let expected: [AnswerKey: ReviewState] = [
      a[0]: .transcribed, a[1]: .codedOnce, a[2]: .codedTwice, a[3]: .agreed, a[4]: .agreed, a[5]: .agreed,
      a[6]: .toTranscribe, a[7]: .toTranscribe, a[8]: .toTranscribe,
    ]
    return (study, expected)
  }

  @Test func statesBySQLAreTheReviewRecordsStates() throws {
    let (study, expected) = try study()
    defer { study.remove() }
    let review = study.database.review
    let queue = try review.queue()
    #expect(Dictionary(uniqueKeysWithValues: queue.map { ($0.answer, $0.state) }) == expected)
    let records = try review.records()
    for entry in queue {
      let words = try study.database.measures.fetch(entry.answer)?.words
      let byRecords = (records[entry.answer] ?? AnswerReview()).state(transcribed: words != nil)
      #expect(entry.state == byRecords, "\(entry.answer)")
    }
    #expect(queue.map(\.id) == queue.map(\.id).sorted())
    #expect(queue.map(\.position) == Array(1...9))
    #expect(try queue.allSatisfy { try review.id(of: $0.answer) == $0.id })
  }

  @Test func aPageOfOneStateWithTheCountsOfAll() throws {
    let (study, expected) = try study()
    defer { study.remove() }
    let review = study.database.review
    let all = try review.queue()
    let agreed = try review.queuePage(state: .agreed, offset: 1, limit: 1)
    #expect(agreed.total == 3)
    #expect(agreed.stateCounts == Dictionary(grouping: expected.values, by: { $0 }).mapValues(\.count))
    let agreedInOrder = all.filter { $0.state == .agreed }
    #expect(agreed.entries == [agreedInOrder[1]], "positions stay those of the whole queue")
    #expect(try review.queuePage(state: .agreed, offset: 3, limit: 5).entries.isEmpty)
    #expect(
      try review.queuePage(in: ["S02"], offset: 0, limit: 5) == ReviewQueuePage(entries: [], total: 0, stateCounts: [:])
    )

    let middle = try #require(try review.place(ofID: all[4].id))
    #expect(middle == ReviewQueuePlace(position: 5, total: 9, previous: all[3].id, next: all[5].id))
    #expect(try review.place(ofID: all[0].id)?.previous == nil)
    #expect(try review.place(ofID: all[8].id)?.next == nil)
    #expect(try review.place(ofID: all[0].id, in: ["S02"]) == nil)
    #expect(try review.place(ofID: "A-000000000000") == nil)
  }

  /// A database reviewed before the ids were kept (or answers filed since): the ids are filled
  /// from the database's key when the queue or an id is read, the same ids as before.
  @Test func answersWithoutAKeptIDGetTheirsWhenRead() throws {
    let study = try ReviewStudyFixture(participants: 2, trials: 2, withRecordings: false)
    defer { study.remove() }
    let review = study.database.review
    let ids = try study.answers.map { try review.id(of: $0) }
    let path = study.folder.appendingPathComponent("connectage.sqlite").path
    #expect(try SQLiteShell.run("DELETE FROM answer_blind_key;", on: path).status == 0)
    #expect(try review.answer(withID: ids[1]) == study.answers[1])
    #expect(try SQLiteShell.run("DELETE FROM answer_blind_key;", on: path).status == 0)
    #expect(Set(try review.queue().map(\.id)) == Set(ids))
    #expect(
      try SQLiteShell.run("SELECT count(*) FROM answer_blind_key;", on: path).output.trimmingCharacters(
        in: .whitespacesAndNewlines) == "4")
  }
}

/// A central server's assembled database stores each site's codings site by site, so a coder's
/// older coding can be stored after their newer one. The review pages, the queue and agreement
/// take each coder's coding made last, as the exports do.
@Suite struct LatestCodingByTimeTests {
  @Test func aCodersLatestCodingIsTheOneCodedLast() throws {
    let study = try ReviewStudyFixture(participants: 1, trials: 1, withRecordings: false)
    defer { study.remove() }
    let answer = study.answers[0]
    let ort1 = CoderCode(rawValue: "ORT1")!
    let ort2 = CoderCode(rawValue: "ORT2")!
    let database = study.database
    try database.review.saveMemories(
      MemoryCount(memories: 2, specific: nil), of: answer, by: ort2,
      basedOn: database.review.view(of: answer, for: ort2).revision, at: StoreFixtures.morning)
    // ORT1 coded 2 in January at the centre, after coding 1 in December at the site; the site's
    // row was stored last.
    let rows = try SQLiteShell.run(
      """
      INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n)
      VALUES ('\(answer.session.rawValue)', '\(answer.trial.rawValue)', '\(answer.participant.rawValue)', 'ORT1',
        '2027-01-20T10:00:00.000Z', 2),
      ('\(answer.session.rawValue)', '\(answer.trial.rawValue)', '\(answer.participant.rawValue)', 'ORT1',
        '2026-12-20T10:00:00.000Z', 1);
      """, on: study.folder.appendingPathComponent("connectage.sqlite").path)
    #expect(rows.status == 0, "\(rows.output)")

    let record = try #require(try database.review.records()[answer])
    #expect(record.coders[ort1]?.memories?.memories == 2)
    #expect(record.state(transcribed: false) == .agreed)
    #expect(try database.review.queue().map(\.state) == [.agreed])
    #expect(try database.measures.codings(of: answer).map(\.coder) == ["ORT1", "ORT2", "ORT1"])
  }
}
