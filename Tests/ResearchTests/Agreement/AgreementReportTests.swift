import Foundation
import Research
import SessionModel
import Store
import TestSupport
import Testing

@Suite struct AgreementReportTests {
  static let ort1 = CoderCode(rawValue: "ORT1")!
  static let ort2 = CoderCode(rawValue: "ORT2")!
  static let ra1 = CoderCode(rawValue: "RA1")!

  static func answer(_ number: Int) -> AnswerKey {
    AnswerKey(session: "S01", trial: TrialID("T\(number)"), participant: code("P01"))
  }

  static func coded(_ memories: Int, onset: Double? = nil, words: Int? = nil) -> CoderValues {
    CoderValues(
      timing: onset.map { ReviewedTiming(firstWordOnsetSeconds: $0, lastWordOffsetSeconds: $0 + 2) },
      memories: MemoryCount(memories: memories, specific: 0), words: words, savedTranscript: words != nil)
  }

  static let reviews: [AnswerKey: AnswerReview] = [
    answer(1): AnswerReview(coders: [ort1: coded(2, onset: 0.5, words: 10), ort2: coded(2, onset: 0.55, words: 10)]),
    answer(2): AnswerReview(
      coders: [ort1: coded(3, onset: 1.0, words: 20), ort2: coded(1, onset: 1.4, words: 18)],
      consensus: [.memories: Consensus(value: 2, recordedBy: ort2, recordedAt: Date(timeIntervalSince1970: 0))]),
    answer(3): AnswerReview(coders: [ort1: coded(0, onset: 0.2, words: 4), ort2: coded(1, onset: 0.2, words: 4)]),
    // Coded once: not in any figure.
    answer(4): AnswerReview(coders: [ort1: coded(5, onset: 2)]),
    // Three coders: the two whose codes sort first (ORT1, ORT2).
    answer(5): AnswerReview(coders: [ort1: coded(1), ort2: coded(1), ra1: coded(4)]),
  ]

  static func report() -> AgreementReport {
    AgreementReport(reviews: reviews) { "A-\($0.trial.rawValue)" }
  }

  @Test func eachFigureCountsTheAnswersCodedTwice() throws {
    let figures = Dictionary(uniqueKeysWithValues: Self.report().measures.map { ($0.measure, $0) })
    #expect(figures[.memories]?.n == 4)
    #expect(figures[.onset]?.n == 3)
    #expect(figures[.words]?.n == 3)
    #expect(figures[.memories]?.statistic == "weighted_kappa_quadratic")
    #expect(figures[.words]?.statistic == "icc_2_1")
    let expected = WeightedKappa([(2, 2), (3, 1), (0, 1), (1, 1)])?.kappa
    #expect(figures[.memories]?.value == expected)
    #expect(figures[.onset]?.icc == IntraclassCorrelation([[0.5, 0.55], [1.0, 1.4], [0.2, 0.2]]))
  }

  @Test func disagreementsListBothValuesAndTheConsensus() throws {
    let figures = Dictionary(uniqueKeysWithValues: Self.report().measures.map { ($0.measure, $0) })
    let memories = try #require(figures[.memories]).disagreements
    #expect(memories.map(\.id) == ["A-T2", "A-T3"])
    #expect(memories[0].first == AgreementReport.CoderValue(coder: Self.ort1, value: 3))
    #expect(memories[0].second == AgreementReport.CoderValue(coder: Self.ort2, value: 1))
    #expect(memories[0].consensus?.value == 2)
    #expect(memories[1].consensus == nil)
    // Times within the tolerance (50 ms apart) are not disagreements; 400 ms apart is.
    #expect(figures[.onset]?.disagreements.map(\.id) == ["A-T2"])
    #expect(figures[.words]?.disagreements.map(\.id) == ["A-T2"])
  }

  @Test func aReportOfNothingHasNoFigures() {
    let report = AgreementReport(reviews: [:]) { _ in "" }
    #expect(report.measures.map(\.n) == [0, 0, 0, 0, 0])
    #expect(report.measures.allSatisfy { $0.value == nil && $0.disagreements.isEmpty })
  }

  @Test func theReportReadsTheDatabaseOfOneStudy() throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    try database.measures.save(AnswerMeasures(answer: answer, automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0"))
    let review = database.review
    for (coder, memories) in [(Self.ort1, 2), (Self.ort2, 3)] {
      let revision = try review.view(of: answer, for: coder).revision
      try review.saveMemories(MemoryCount(memories: memories, specific: 1), of: answer, by: coder, basedOn: revision)
    }
    let report = try AgreementReport.load(from: database, study: "espoir-avc")
    let memories = try #require(report.measures.first { $0.measure == .memories })
    #expect(memories.n == 1)
    #expect(memories.disagreements.map(\.id) == [try review.id(of: answer)])
    #expect(try AgreementReport.load(from: database, study: "autre").measures.allSatisfy { $0.n == 0 })
  }
}
