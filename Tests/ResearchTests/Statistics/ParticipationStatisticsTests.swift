import SessionModel
import TestSupport
import Testing

@testable import Research

/// Participation per condition: each participant's proportion of presented trials answered, and
/// Friedman's test on those proportions (Cochran's Q with one trial per condition).
@Suite struct ParticipationStatisticsTests {
  /// One row of `participant` for planned trial `trial` (T1 image, T2 image_scent, T3 image_game)
  /// of session `session`.
  static func row(
    _ participant: String, _ trial: TrialID, _ answered: Bool, session: Int = 1,
    attendance: AttendanceStatus = .present, asked: Bool = true
  ) -> ParticipationRow {
    var run = StoreFixtures.firstSession
    run.number = session
    run.id = SessionID("S\(session)")
    return ParticipationRow(
      session: run, trial: run.trials.first { $0.id == trial }!, group: nil, participantCode: code(participant),
      participant: nil, attendance: attendance, isMakeUp: false, scent: nil, wasAsked: asked,
      noAnswer: answered ? nil : asked ? .noTake : .notAsked)
  }

  /// P01 answers every trial, P02 all but image, P03 only image_scent, P04 all but image.
  static let oneTrialEach: [ParticipationRow] = [
    row("P01", "T1", true), row("P01", "T2", true), row("P01", "T3", true),
    row("P02", "T1", false), row("P02", "T2", true), row("P02", "T3", true),
    row("P03", "T1", false), row("P03", "T2", true), row("P03", "T3", false),
    row("P04", "T1", false), row("P04", "T2", true), row("P04", "T3", true),
  ]

  @Test func proportionsPerConditionAndCochransQByHand() throws {
    let statistics = ParticipationStatistics(rows: Self.oneTrialEach, by: .delivered)
    #expect(statistics.conditions.map(\.condition) == [.image, .imageGame, .imageScent])
    #expect(statistics.conditions.map(\.presented) == [4, 4, 4])
    #expect(statistics.conditions.map(\.answered) == [1, 3, 4])
    #expect(statistics.conditions.map(\.participantProportions.mean) == [0.25, 0.75, 1])
    #expect(statistics.isCochranQ)
    // Cochran's Q = (k − 1)(k ΣC² − N²) / (kN − ΣR²) = 2 (3 × 26 − 64) / (24 − 18) = 14/3.
    let test = try #require(statistics.friedman)
    #expect(abs(test.statistic - 14.0 / 3) < 1e-12)
    #expect(test.participants == 4 && test.degreesOfFreedom == 2)
  }

  @Test func participantsWhoLeftEarlyAreLeftOutAndCounted() {
    let leftEarly = ["T1", "T2", "T3"].map { Self.row("P05", TrialID($0), false, attendance: .leftEarly) }
    let statistics = ParticipationStatistics(rows: Self.oneTrialEach + leftEarly, by: .delivered)
    #expect(statistics.leftEarlyTrialsExcluded == 3)
    #expect(statistics == ParticipationStatistics(rows: Self.oneTrialEach, by: .delivered).withLeftEarly(3))
  }

  @Test func trialsNeverAskedAreLeftOutAndCounted() {
    let skipped = ["P01", "P02", "P03", "P04"].map { Self.row($0, "T1", false, session: 2, asked: false) }
    let statistics = ParticipationStatistics(rows: Self.oneTrialEach + skipped, by: .delivered)
    #expect(statistics.notAskedTrialsExcluded == 4)
    var expected = ParticipationStatistics(rows: Self.oneTrialEach, by: .delivered)
    expected.notAskedTrialsExcluded = 4
    #expect(statistics == expected)
  }

  @Test func severalTrialsPerConditionAreProportionsNotCochransQ() throws {
    let rows =
      Self.oneTrialEach
      + Self.oneTrialEach.map { row in
        var later = row
        later.session.number = 2
        later.session.id = "S2"
        later.noAnswer = nil
        return later
      }
    let statistics = ParticipationStatistics(rows: rows, by: .delivered)
    #expect(!statistics.isCochranQ)
    #expect(statistics.conditions.map(\.participantProportions.mean) == [0.625, 0.875, 1])
    #expect(statistics.conditions.map(\.presented) == [8, 8, 8])
  }

  @Test func aParticipantMissingAConditionIsExcludedFromTheTestOnly() {
    let rows = Self.oneTrialEach + [Self.row("P09", "T1", true)]
    let statistics = ParticipationStatistics(rows: rows, by: .delivered)
    #expect(statistics.excludedFromFriedman == [code("P09")])
    #expect(statistics.completeParticipants == 4)
    #expect(statistics.conditions.first?.participantProportions.count == 5)
  }

  @Test func theStatisticsReportCarriesParticipationFromTheSnapshot() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02"] { fixture.attend(participant, .present) }
    fixture.show("T1", in: "S01")
    fixture.answer("P01", "T1", in: "S01")
    let report = StatisticsReport(snapshot: fixture.snapshot)
    #expect(report.participation?.conditions.map(\.answered) == [1])
    #expect(report.participation?.conditions.map(\.presented) == [2])
    let summary = StatisticsExport(language: .english).files(for: report).first { $0.name == "condition_summary.csv" }
    #expect(summary?.contents.contains("\nanswered,image,2,2,0.5000,") == true)
  }
}

extension ParticipationStatistics {
  fileprivate func withLeftEarly(_ trials: Int) -> ParticipationStatistics {
    var copy = self
    copy.leftEarlyTrialsExcluded = trials
    return copy
  }
}
