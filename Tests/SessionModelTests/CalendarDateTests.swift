import SessionModel
import Testing

struct CalendarDateTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let days: Int
    let weekday: Int
    var testDescription: String { text }
  }

  @Test(arguments: [
    Case(text: "1970-01-01", days: 0, weekday: 4),
    Case(text: "2000-02-29", days: 11016, weekday: 2),
    Case(text: "2027-01-14", days: 20832, weekday: 4),
    Case(text: "1969-12-31", days: -1, weekday: 3),
  ])
  func convertsToDaysAndBack(_ c: Case) throws {
    let date = try #require(CalendarDate(c.text))
    #expect(date.daysSinceEpoch == c.days)
    #expect(CalendarDate(daysSinceEpoch: c.days) == date)
    #expect(date.weekday == c.weekday)
    #expect(date.description == c.text)
  }

  @Test(arguments: ["2027-02-29", "2027-13-01", "27-01-01", "2027-1-1", "tomorrow"])
  func refusesImpossibleDates(_ text: String) {
    #expect(CalendarDate(text) == nil)
  }

  @Test func addingMonthsClampsToTheEndOfTheMonth() throws {
    #expect(try #require(CalendarDate("2027-01-31")).adding(months: 1) == CalendarDate("2027-02-28"))
    #expect(try #require(CalendarDate("2027-08-15")).adding(months: 6) == CalendarDate("2028-02-15"))
    #expect(try #require(CalendarDate("2027-12-30")).adding(days: 14) == CalendarDate("2028-01-13"))
  }
}
