import ProtocolKit
import SessionModel
import Testing

/// Eligibility on the inclusion date: whole calendar months, the window's edges, year ends and leap
/// years, each criterion's reason, and the sessions planned after the window closes.
@Suite struct InclusionCheckTests {
  static let criteria = InclusionCriteria(
    monthsSinceStroke: 1...6, singleUnilateralStroke: true, noComprehensionOrExpressionDisorder: true,
    smellScreeningDone: true)

  static func eligible(_ stroke: String) -> Participant {
    Participant(
      code: .init(rawValue: "P01")!, smell: .normal, strokeMonth: StrokeMonth(stroke), strokeCount: 1,
      lesionSide: .left, languageAssessment: .noDisorder)
  }

  struct WindowCase: CustomTestStringConvertible, Sendable {
    let stroke: String
    let inclusion: String
    let months: Int
    let eligible: Bool
    let windowEnds: String
    var testDescription: String { "stroke \(stroke), included \(inclusion)" }
  }

  @Test(arguments: [
    WindowCase(stroke: "2027-01", inclusion: "2027-01-11", months: 0, eligible: false, windowEnds: "2027-07-31"),
    WindowCase(stroke: "2026-12", inclusion: "2027-01-11", months: 1, eligible: true, windowEnds: "2027-06-30"),
    WindowCase(stroke: "2026-12", inclusion: "2027-01-01", months: 1, eligible: true, windowEnds: "2027-06-30"),
    WindowCase(stroke: "2026-07", inclusion: "2027-01-31", months: 6, eligible: true, windowEnds: "2027-01-31"),
    WindowCase(stroke: "2026-06", inclusion: "2027-01-11", months: 7, eligible: false, windowEnds: "2026-12-31"),
    WindowCase(stroke: "2027-08", inclusion: "2027-09-01", months: 1, eligible: true, windowEnds: "2028-02-29"),
    WindowCase(stroke: "2026-08", inclusion: "2026-12-15", months: 4, eligible: true, windowEnds: "2027-02-28"),
    WindowCase(stroke: "2025-01", inclusion: "2027-01-11", months: 24, eligible: false, windowEnds: "2025-07-31"),
    WindowCase(stroke: "2027-03", inclusion: "2027-01-11", months: -2, eligible: false, windowEnds: "2027-09-30"),
  ])
  func monthsAreWholeCalendarMonths(_ c: WindowCase) {
    let stroke = StrokeMonth(c.stroke)!
    let date = CalendarDate(c.inclusion)!
    #expect(stroke.months(until: date) == c.months)
    let check = InclusionCheck(Self.eligible(c.stroke), criteria: Self.criteria, inclusionDate: date)
    #expect(check.isEligible == c.eligible)
    #expect(check.reasons == (c.eligible ? [] : [.outsideStrokeWindow(months: c.months, allowed: 1...6)]))
    #expect(check.windowEnds == CalendarDate(c.windowEnds))
  }

  /// Months are counted between calendar months, so in the window's first and last months the
  /// stroke's day decides: the participant is eligible, and the edge is said.
  @Test(arguments: [
    ("2026-12", "2027-01-11", StrokeWindowEdge.mayBeTooEarly(minimumMonths: 1)),
    ("2026-07", "2027-01-31", StrokeWindowEdge.mayBeTooLate(maximumMonths: 6)),
    ("2026-09", "2027-01-11", nil),
    ("2026-06", "2027-01-11", nil),
    ("2027-01", "2027-01-11", nil),
  ])
  func theWindowsEdgeMonthsAreToCheck(stroke: String, inclusion: String, edge: StrokeWindowEdge?) {
    let check = InclusionCheck(Self.eligible(stroke), criteria: Self.criteria, inclusionDate: CalendarDate(inclusion)!)
    #expect(check.strokeWindowEdge == edge)
    let date = CalendarDate(inclusion)!
    #expect(
      edge.map { $0.message(on: date).french.contains("à vérifier") && $0.message(on: date).french.contains("\(date)") }
        != false)
  }

  struct ReasonCase: CustomTestStringConvertible, Sendable {
    let name: String
    let change: @Sendable (inout Participant) -> Void
    let reasons: [IneligibilityReason]
    var testDescription: String { name }
  }

  @Test(arguments: [
    ReasonCase(name: "all there", change: { _ in }, reasons: []),
    ReasonCase(name: "no stroke month", change: { $0.strokeMonth = nil }, reasons: [.strokeMonthMissing]),
    ReasonCase(name: "second stroke", change: { $0.strokeCount = 2 }, reasons: [.notASingleStroke(count: 2)]),
    ReasonCase(name: "strokes unknown", change: { $0.strokeCount = nil }, reasons: [.strokeCountMissing]),
    ReasonCase(name: "bilateral", change: { $0.lesionSide = .bilateral }, reasons: [.bilateralLesion]),
    ReasonCase(name: "side unknown", change: { $0.lesionSide = nil }, reasons: [.lesionSideMissing]),
    ReasonCase(name: "right side", change: { $0.lesionSide = .right }, reasons: []),
    ReasonCase(
      name: "comprehension disorder", change: { $0.languageAssessment = .comprehensionDisorder },
      reasons: [.languageDisorder(.comprehensionDisorder)]),
    ReasonCase(
      name: "expression disorder", change: { $0.languageAssessment = .expressionDisorder },
      reasons: [.languageDisorder(.expressionDisorder)]),
    ReasonCase(name: "not assessed", change: { $0.languageAssessment = .notAssessed }, reasons: [.languageNotAssessed]),
    ReasonCase(name: "smell not screened", change: { $0.smell = .notScreened }, reasons: [.smellNotScreened]),
    ReasonCase(name: "anosmic still included", change: { $0.smell = .anosmic }, reasons: []),
    ReasonCase(
      name: "several at once",
      change: {
        $0.strokeCount = 3; $0.smell = .notScreened
      },
      reasons: [.notASingleStroke(count: 3), .smellNotScreened]),
  ])
  func eachCriterionGivesItsReason(_ c: ReasonCase) {
    var participant = Self.eligible("2026-10")
    c.change(&participant)
    let check = InclusionCheck(participant, criteria: Self.criteria, inclusionDate: CalendarDate("2027-01-11")!)
    #expect(check.reasons == c.reasons)
  }

  @Test func withoutCriteriaEveryoneIsEligible() {
    let check = InclusionCheck(
      Participant(code: .init(rawValue: "P01")!), criteria: .everyone, inclusionDate: CalendarDate("2027-01-11")!)
    #expect(check.isEligible && check.windowEnds == nil && check.sessionsAfterWindow.isEmpty)
  }

  /// A fortnightly schedule from 2027-01-11: a stroke in 2026-09 closes the window on 2027-03-31,
  /// so the sessions from 2027-04-05 on are after it.
  @Test func sessionsAfterTheWindowAreListed() {
    let schedule = ScheduleBuilder(settings: ScheduleSettings(sessionCount: 13))
      .schedule(startingOn: CalendarDate("2027-01-11")!)
    let check = InclusionCheck(
      Self.eligible("2026-09"), criteria: Self.criteria, inclusionDate: CalendarDate("2027-01-11")!,
      schedule: schedule)
    #expect(check.windowEnds == CalendarDate("2027-03-31"))
    let after = schedule.sessions.filter { $0.date > CalendarDate("2027-03-31")! }.map(\.number)
    #expect(check.sessionsAfterWindow == after)
    #expect(after.first == 7 && after.last == 13)
    let early = InclusionCheck(
      Self.eligible("2026-12"), criteria: Self.criteria, inclusionDate: CalendarDate("2027-01-11")!,
      schedule: ScheduleBuilder(settings: ScheduleSettings(sessionCount: 6)).schedule(
        startingOn: CalendarDate("2027-01-11")!))
    #expect(early.sessionsAfterWindow.isEmpty)
  }

  @Test(arguments: ["2026-9", "2026-09-14", "26-09", "2026-13", "2026-00", ""])
  func aStrokeMonthIsAMonthNeverADay(_ text: String) {
    #expect(StrokeMonth(text) == nil)
  }
}
