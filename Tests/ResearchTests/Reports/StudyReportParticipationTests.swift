import SessionModel
import TestSupport
import Testing

@testable import Research

/// The study report's participation section: per condition, the trials presented to present
/// patients and how many they answered, in French first and in English.
@Suite struct StudyReportParticipationTests {
  /// Session 1 of G1: P01 answers the three trials, P02 all but T2 (image_scent), P03 nothing.
  static func snapshot() -> ExportSnapshot {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02", "P03"] { fixture.attend(participant, .present) }
    for trial: TrialID in ["T1", "T2", "T3"] {
      fixture.show(trial, in: "S01")
      fixture.answer("P01", trial, in: "S01")
      if trial != "T2" { fixture.answer("P02", trial, in: "S01") }
    }
    return fixture.snapshot
  }

  @Test func eachConditionShowsTrialsPresentedAndAnswered() throws {
    let report = try StudyReport(snapshot: Self.snapshot(), study: "espoir-avc")
    let page = ReportHTML(text: ReportHTML(text: report.html(in: .french)).section("participation"))
    #expect(page.text.contains("Participation par condition"))
    let expected: [(Condition, Double, Double, Double)] = [
      (.image, 3, 2, 66.7), (.imageGame, 3, 2, 66.7), (.imageScent, 3, 1, 33.3),
    ]
    for (condition, presented, answered, percent) in expected {
      let row = try #require(page.rows(["condition": condition.rawValue]).first, "\(condition)")
      #expect(ReportHTML.number("presented", in: row) == presented)
      #expect(ReportHTML.number("answered", in: row) == answered)
      #expect(ReportHTML.number("participants", in: row) == 3)
      #expect(ReportHTML.number("mean", in: row) == percent)
    }
    let english = ReportHTML(text: report.html(in: .english)).section("participation")
    #expect(english.contains("Participation by condition") && english.contains("Trials presented"))
  }
}
