import ProtocolKit
import SessionModel
import Testing

@Suite struct ScheduleBuilderTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let settings: ScheduleSettings
    let start: String
    /// `date` or `date<regular` for a session moved from its regular date.
    let expected: [String]
    var testDescription: String { name }
  }

  static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

  static let cases: [Case] = [
    Case(
      name: "every two weeks for six months, no closure", settings: ScheduleSettings(), start: "2027-01-11",
      expected: [
        "2027-01-11", "2027-01-25", "2027-02-08", "2027-02-22", "2027-03-08", "2027-03-22", "2027-04-05",
        "2027-04-19", "2027-05-03", "2027-05-17", "2027-05-31", "2027-06-14", "2027-06-28",
      ]),
    Case(
      name: "a bank holiday moves the session to the next day",
      settings: ScheduleSettings(sessionCount: 3, closures: [ClosurePeriod(from: day("2027-01-25"))]),
      start: "2027-01-11", expected: ["2027-01-11", "2027-01-26<2027-01-25", "2027-02-08"]),
    Case(
      name: "a Friday closure moves past the weekend to Monday",
      settings: ScheduleSettings(sessionCount: 2, closures: [ClosurePeriod(from: day("2027-01-29"))]),
      start: "2027-01-15", expected: ["2027-01-15", "2027-02-01<2027-01-29"]),
    Case(
      name: "a start on a Saturday moves to Monday", settings: ScheduleSettings(sessionCount: 2),
      start: "2027-01-16", expected: ["2027-01-18<2027-01-16", "2027-02-01<2027-01-30"]),
    Case(
      name: "weekends open keeps Saturdays", settings: ScheduleSettings(sessionCount: 2, closedWeekdays: []),
      start: "2027-01-16", expected: ["2027-01-16", "2027-01-30"]),
    Case(
      name: "a summer closure pushes one session to its end",
      settings: ScheduleSettings(
        sessionCount: 3, closures: [ClosurePeriod(from: day("2027-07-26"), to: day("2027-08-13"))]),
      start: "2027-07-19", expected: ["2027-07-19", "2027-08-16<2027-08-02", "2027-08-17<2027-08-16"]),
    Case(
      name: "weekly for one month", settings: ScheduleSettings(intervalDays: 7, durationMonths: 1),
      start: "2027-02-01", expected: ["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]),
  ]

  @Test(arguments: cases)
  func datesSessions(example: Case) {
    let schedule = ScheduleBuilder(settings: example.settings).schedule(startingOn: Self.day(example.start))
    let written = schedule.sessions.map { session in
      session.movedFrom.map { "\(session.date)<\($0)" } ?? "\(session.date)"
    }
    #expect(written == example.expected)
    #expect(schedule.sessions.map(\.number) == Array(1...example.expected.count))
  }

  @Test(arguments: [("2027-01-11", 13), ("2027-03-01", 14), ("2028-02-07", 13), ("2027-07-01", 14)])
  func sixMonthsOfFortnightsHoldThirteenOrFourteenSessions(start: String, count: Int) {
    let builder = ScheduleBuilder(settings: ScheduleSettings(closedWeekdays: []))
    let dates = builder.regularDates(startingOn: Self.day(start))
    #expect(dates.count == count)
    #expect(zip(dates, dates.dropFirst()).allSatisfy { $1.daysSinceEpoch - $0.daysSinceEpoch == 14 })
    #expect(dates.last! < Self.day(start).adding(months: 6))
  }

  @Test func noSessionLandsOnAClosedDay() {
    let settings = ScheduleSettings(
      closures: [
        ClosurePeriod(from: Self.day("2027-03-29")), ClosurePeriod(from: Self.day("2027-05-17")),
        ClosurePeriod(from: Self.day("2027-04-01"), to: Self.day("2027-04-20")),
      ])
    let schedule = ScheduleBuilder(settings: settings).schedule(startingOn: Self.day("2027-01-11"))
    #expect(schedule.sessions.allSatisfy { settings.isOpen(on: $0.date) })
    #expect(zip(schedule.sessions, schedule.sessions.dropFirst()).allSatisfy { $0.date < $1.date })
  }
}
