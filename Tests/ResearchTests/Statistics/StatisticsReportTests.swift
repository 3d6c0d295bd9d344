import SessionModel
import Testing

@testable import Research
@testable import Store

/// The report on a study built through the repositories (``TrialStudyFixture``).
@Suite struct StatisticsReportTests {
  func report(order: [Int] = Array(1...6)) throws -> StatisticsReport {
    StatisticsReport(
      snapshot: try ExportSnapshot.load(from: TrialStudyFixture.database(participantOrder: order)),
      measures: [.words, .speechDuration, .memories])
  }

  /// Participant `p`'s mean words in `condition` over the three sessions, from the fixture's formula.
  func meanWords(_ participant: Int, _ condition: Condition) -> Double {
    Double((1...3).map { TrialStudyFixture.words(participant, condition, session: $0) }.reduce(0, +)) / 3
  }

  @Test func conditionsAreSummarisedOverParticipantMeans() throws {
    let words = try #require(try report().measures.first { $0.measure == .words })
    #expect(words.conditions.map(\.condition) == [.image, .imageGame, .imageScent])
    #expect(words.conditions.map(\.answers) == [18, 18, 15])
    for summary in words.conditions {
      let people = summary.condition == .imageScent ? Array(1...5) : Array(1...6)
      let expected = DescriptiveStatistics(people.map { meanWords($0, summary.condition) })
      #expect(summary.participantMeans == expected)
      #expect(summary.values == people.map { meanWords($0, summary.condition) }.sorted())
    }
  }

  @Test func aParticipantMissingAConditionIsLeftOutOfTheTestsAndCounted() throws {
    let words = try #require(try report().measures.first { $0.measure == .words })
    #expect(words.excludedFromFriedman == [ParticipantCode.numbered(6)])
    let friedman = try #require(words.friedman)
    #expect(friedman.participants == 5)
    let expected = try #require(
      FriedmanTest(blocks: (1...5).map { p in TrialStudyFixture.conditions.map { meanWords(p, $0) } }))
    #expect(friedman == expected)
    // Every participant ranks scent > game > image: perfect agreement.
    #expect(friedman.kendallW == 1)
    #expect(
      words.pairwise.map { "\($0.first.rawValue)-\($0.second.rawValue) \($0.participants)/\($0.excluded)" } == [
        "image-image_game 6/0", "image-image_scent 5/1", "image_game-image_scent 5/1",
      ])
    let pairs = words.pairwise.compactMap(\.test)
    #expect(
      pairs[1]
        == WilcoxonSignedRankTest((1...5).map { meanWords($0, .image) }, (1...5).map { meanWords($0, .imageScent) }))
    #expect(words.pairwise.compactMap(\.holmAdjustedP) == HolmCorrection.adjust(pairs.map(\.pValue)))
  }

  @Test func trajectoriesFollowTheSessionsPerCondition() throws {
    let words = try #require(try report().measures.first { $0.measure == .words })
    #expect(words.trajectory.count == 9)
    let first = try #require(words.trajectory.first)
    #expect(first.condition == .image && first.session == 1 && first.participants == 6)
    let expected = (1...6).map { Double(TrialStudyFixture.words($0, .image, session: 1)) }.reduce(0, +) / 6
    #expect(abs(first.mean - expected) < 1e-12)
    #expect(words.trajectory.filter { $0.condition == .imageScent }.allSatisfy { $0.participants == 5 })
  }

  /// Nobody coded the fixture's memories: the analysed value falls back to the automatic
  /// pre-coding (consensus, then a coder, then automatic), so both summaries are the same.
  @Test func uncodedMemoriesTakeTheirAutomaticCount() throws {
    let report = StatisticsReport(
      snapshot: try ExportSnapshot.load(from: TrialStudyFixture.database()), measures: [.memories, .automaticMemories])
    let analysed = try #require(report.measures.first { $0.measure == .memories })
    let automatic = try #require(report.measures.first { $0.measure == .automaticMemories })
    #expect(analysed.conditions.contains { $0.answers > 0 })
    #expect(analysed.conditions.map(\.participantMeans) == automatic.conditions.map(\.participantMeans))
  }

  @Test(arguments: [[6, 5, 4, 3, 2, 1], [3, 1, 6, 2, 5, 4]])
  func theReportDoesNotDependOnTheOrderParticipantsWereAdded(_ order: [Int]) throws {
    #expect(try report(order: order) == report())
  }

  struct UntestedPair: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// (participant number, image mean, image_game mean); nil where the cell is empty.
    var means: [(Int, Double?, Double?)]
    var reason: String?
  }

  @Test(
    "a pair without a test says why",
    arguments: [
      UntestedPair(
        testDescription: "no participant has both", means: [(1, 5, nil), (2, nil, 3)],
        reason: "aucun participant n'a les deux conditions"),
      UntestedPair(
        testDescription: "nobody differs", means: [(1, 5, 5), (2, 3, 3)],
        reason: "aucune différence chez les 2 participant(s)"),
      UntestedPair(
        testDescription: "one participant differs", means: [(1, 5, 6), (2, 3, 3), (3, 4, nil)],
        reason: "une différence chez 1 participant(s) sur 2 ; il en faut au moins deux"),
      UntestedPair(
        testDescription: "a single participant (n = 1) who differs", means: [(1, 5, 6)],
        reason: "une différence chez 1 participant(s) sur 1 ; il en faut au moins deux"),
      UntestedPair(testDescription: "two participants differ", means: [(1, 5, 6), (2, 3, 4)], reason: nil),
    ])
  func aPairWithoutATestSaysWhy(_ pair: UntestedPair) throws {
    let observations = pair.means.flatMap { participant, image, imageGame in
      [(Condition.image, image), (Condition.imageGame, imageGame)].compactMap { condition, value in
        value.map {
          StatisticsReport.Observation(
            participant: .numbered(participant), condition: condition, session: 1, value: $0)
        }
      }
    }
    let statistics = StatisticsReport.statistics(
      of: .words, observations, conditions: [.image, .imageGame])
    let comparison = try #require(statistics.pairwise.first)
    #expect(comparison.whyNotComputed?.french == pair.reason)
    #expect((comparison.test == nil) == (pair.reason != nil))
    #expect((comparison.holmAdjustedP == nil) == (pair.reason != nil))
  }

  struct UntestedFriedman: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var conditions: [Condition]
    /// Per participant, its mean in each of `conditions`; nil where the cell is empty.
    var means: [[Double?]]
    var reason: String?
  }

  @Test(
    "Friedman's test, when it is not computed, says why",
    arguments: [
      UntestedFriedman(
        testDescription: "a single condition", conditions: [.image], means: [[5], [3], [4]],
        reason: "il faut au moins deux conditions"),
      UntestedFriedman(
        testDescription: "no value at all", conditions: [.image, .imageGame], means: [],
        reason: "aucune valeur pour cette mesure dans les séances choisies"),
      UntestedFriedman(
        testDescription: "no complete participant", conditions: [.image, .imageGame], means: [[5, nil], [nil, 4]],
        reason: "aucun participant n'a toutes les conditions"),
      UntestedFriedman(
        testDescription: "one complete participant", conditions: [.image, .imageGame],
        means: [[5, 6], [3, nil], [nil, 4]],
        reason: "1 participant(s) avec toutes les conditions ; il en faut au moins deux"),
      UntestedFriedman(
        testDescription: "every mean ties", conditions: [.image, .imageGame, .imageScent],
        means: [[5, 5, 5], [3, 3, 3]],
        reason: "chaque participant a la même moyenne dans toutes les conditions"),
      UntestedFriedman(
        testDescription: "two participants who differ", conditions: [.image, .imageGame, .imageScent],
        means: [[5, 6, 7], [3, 3, 4]], reason: nil),
    ])
  func friedmanWithoutATestSaysWhy(_ case: UntestedFriedman) throws {
    let observations = `case`.means.enumerated().flatMap { index, means in
      zip(`case`.conditions, means).compactMap { condition, value in
        value.map {
          StatisticsReport.Observation(
            participant: .numbered(index + 1), condition: condition, session: 1, value: $0)
        }
      }
    }
    let statistics = StatisticsReport.statistics(of: .words, observations, conditions: `case`.conditions)
    #expect(statistics.whyFriedmanNotComputed?.french == `case`.reason)
    #expect((statistics.friedman == nil) == (`case`.reason != nil))
  }
}
