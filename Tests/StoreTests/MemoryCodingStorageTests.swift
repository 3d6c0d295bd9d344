import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Store

/// How SpeechKit's `MemoryCoding` is kept in the database (ResearchTests' `MemoryStatisticsTests`:
/// what statistics make of it).
@Suite struct MemoryCodingStorageTests {
  let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  @Test func bothCodingsAndTheirProvenanceSurviveTheDatabase() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.measures.save(AnswerMeasures(answer: answer, automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0"))
    var coding = MemoryCoding(automatic: [EvokedMemory(specificity: .general, text: "le verger", cues: ["chez"])])
    try coding.confirm(
      [EvokedMemory(specificity: .specific, text: "le jour de mon mariage", cues: ["mariage"], start: 2.5)],
      coder: "NP-1", at: StoreFixtures.morning)
    try database.measures.save(coding, for: answer)
    #expect(try database.measures.latestCodings()[answer] == coding)
  }

  /// The latest coding is the one coded last, not the one stored last: a central server's assembled
  /// database stores the sites' codings site by site, so a central review's coding of an answer can
  /// be stored before the site's older one.
  @Test func theLatestCodingIsTheOneCodedLast() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.measures.save(AnswerMeasures(answer: answer, automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0"))
    func coding(_ memories: Int, by coder: String, hoursLater hours: Double) throws -> MemoryCoding {
      var coding = MemoryCoding(automatic: [EvokedMemory(specificity: .general, text: "le verger")])
      try coding.confirm(
        (0..<memories).map { EvokedMemory(specificity: .general, text: "souvenir \($0)") }, coder: coder,
        at: StoreFixtures.morning.addingTimeInterval(hours * 3600))
      return coding
    }
    let review = try coding(3, by: "CENTRAL-1", hoursLater: 48)
    try database.measures.save(review, for: answer)
    try database.measures.save(try coding(1, by: "NP-1", hoursLater: 0), for: answer)
    #expect(try database.measures.latestCodings()[answer] == review)
  }

  /// A coding written by the first schema has a count and no episodes; it must still be read.
  @Test func aCodingSavedBeforeEpisodesWereKeptComesBackWithItsCount() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try databaseWithOneMeasuredAnswer(in: folder)
    let insert = try SQLiteShell.run(
      """
      INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n)
      VALUES ('S01', 'T1', 'P01', 'ORT1', '2027-01-14T09:30:00.125Z', 2);
      """, on: path)
    #expect(insert.status == 0, "\(insert.output)")
    let coding = try #require(try SessionDatabase(path: path).measures.latestCodings()[answer])
    #expect(coding.confirmed?.count == 2)
    #expect(coding.method == "" && coding.coder == "ORT1" && coding.codedAt == StoreFixtures.morning)
  }

  /// A database written before `v2-memory-episodes`, with a coding in it, is brought up to date.
  @Test func theEpisodesMigrationKeepsCodingsAlreadySaved() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try databaseWithOneMeasuredAnswer(in: folder)
    // Back to the first schema, as an older ConnectAge left it, with one coding.
    let downgrade = try SQLiteShell.run(
      """
      ALTER TABLE memory_coding DROP COLUMN episodes_json;
      DELETE FROM grdb_migrations WHERE identifier = 'v2-memory-episodes';
      INSERT INTO memory_coding (session_id, trial_id, participant_code, coder, coded_at, memories_n)
      VALUES ('S01', 'T1', 'P01', 'ORT1', '2027-01-14T09:30:00.125Z', 3);
      """, on: path)
    #expect(downgrade.status == 0, "\(downgrade.output)")
    let database = try SessionDatabase(path: path)
    #expect(try database.measures.latestCodings()[answer]?.confirmed?.count == 3)
    try database.measures.save(MemoryCoding.confirmed(1, by: "ORT2", at: StoreFixtures.morning), for: answer)
    #expect(try database.measures.codings(of: answer).map(\.coder) == ["ORT1", "ORT2"])
  }

  struct BatchCase: Sendable, CustomTestStringConvertible {
    let id: String
    /// Coders of the codings already saved for ``answer``, oldest first.
    let earlier: [String]
    let coder: String
    let outcome: MeasureRepository.CodingOutcome
    let codersAfter: [String]
    var testDescription: String { id }
  }

  static let batches: [BatchCase] = [
    BatchCase(
      id: "first coding", earlier: [], coder: "ORT1",
      outcome: .init(saved: 1, replaced: 0, besideOtherCoders: 0), codersAfter: ["ORT1"]),
    BatchCase(
      id: "the same coder again replaces", earlier: ["ORT1"], coder: "ORT1",
      outcome: .init(saved: 1, replaced: 1, besideOtherCoders: 0), codersAfter: ["ORT1"]),
    BatchCase(
      id: "another coder is kept beside", earlier: ["ORT1"], coder: "NP-2",
      outcome: .init(saved: 1, replaced: 0, besideOtherCoders: 1), codersAfter: ["ORT1", "NP-2"]),
    BatchCase(
      id: "both at once", earlier: ["ORT1", "NP-2"], coder: "ORT1",
      outcome: .init(saved: 1, replaced: 1, besideOtherCoders: 1), codersAfter: ["NP-2", "ORT1"]),
  ]

  @Test(arguments: batches) func aBatchReplacesTheSameCoderAndKeepsTheOthers(_ batch: BatchCase) throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    for coder in batch.earlier {
      try database.measures.save(MemoryCoding.confirmed(3, by: coder, at: StoreFixtures.morning), for: answer)
    }
    let coding = MemoryCoding.confirmed(1, by: batch.coder, at: StoreFixtures.morning.addingTimeInterval(60))
    #expect(try database.measures.save([AnswerCoding(answer: answer, coding: coding)]) == batch.outcome)
    #expect(try database.measures.codings(of: answer).map(\.coder) == batch.codersAfter)
    #expect(try database.measures.latestCodings()[answer] == coding, "memories_n exports the latest coding")
  }

  @Test func aBatchWithOneUnknownAnswerSavesNothing() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    try database.measures.save(MemoryCoding.confirmed(3, by: "ORT1", at: StoreFixtures.morning), for: answer)
    let unknown = AnswerKey(session: "S01", trial: "T2", participant: code("P01"))
    let codings = [answer, unknown].map {
      AnswerCoding(answer: $0, coding: MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning))
    }
    #expect(throws: StoreError.unknownAnswer(unknown)) { try database.measures.save(codings) }
    #expect(try database.measures.codings(of: answer).map { $0.confirmed?.count } == [3], "rolled back")
  }

  /// The review page's bound holds for codings from every other path (a coding sheet's batch, one
  /// coding): a count above ``MemoryCount/largest`` is refused and the batch saves nothing.
  @Test func aCountAboveWhatTheReviewPageAcceptsIsRefused() throws {
    let database = try StoreFixtures.plannedDatabase()
    try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    let refusal = StoreError.measureOutOfRange(
      answer,
      [
        OutOfRangeValue(
          column: "memories_n", value: "100",
          expected: LocalizedText(fr: "un nombre de souvenirs de 0 à 99", en: "a count of memories from 0 to 99"))
      ])
    let batch = [("ORT1", 2), ("ORT2", MemoryCount.largest + 1)].map { coder, count in
      AnswerCoding(answer: answer, coding: MemoryCoding.confirmed(count, by: coder, at: StoreFixtures.morning))
    }
    #expect(throws: refusal) { try database.measures.save(batch) }
    #expect(throws: refusal) { try database.measures.save(batch[1].coding, for: answer) }
    #expect(try database.measures.codings(of: answer).isEmpty, "nothing saved")

    let largest = MemoryCoding.confirmed(MemoryCount.largest, by: "ORT2", at: StoreFixtures.morning)
    try database.measures.save(largest, for: answer)
    #expect(try database.measures.codings(of: answer).map { $0.confirmed?.count } == [MemoryCount.largest])
  }

  /// A database file with the fixture session and the measures of ``answer``, closed again.
  private func databaseWithOneMeasuredAnswer(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("connectage.sqlite").path
    let database = try SessionDatabase(path: path)
    try database.participants.add(StoreFixtures.firstParticipant)
    try database.participants.add(StoreFixtures.secondParticipant)
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    return path
  }
}
