import SessionModel
import Testing

@testable import ProtocolKit

/// A `schedule:` mapping and the settings it must give, or `nil` when a value is wrong.
struct SettingsCase: CustomTestStringConvertible, Sendable {
  let name: String
  let yaml: String
  let expected: ScheduleSettings?

  var testDescription: String { name }
}

@Suite struct SettingsReaderTests {
  static let cases = [
    SettingsCase(
      name: "absent keys keep their defaults", yaml: "every_days: 7", expected: ScheduleSettings(intervalDays: 7)),
    SettingsCase(
      name: "an optional setting is set", yaml: "start: 2027-01-11",
      expected: ScheduleSettings(start: CalendarDate("2027-01-11"))),
    SettingsCase(name: "a wrong setting fails", yaml: "every_days: 0", expected: nil),
    SettingsCase(name: "a wrong optional date fails rather than unsetting", yaml: "start: 2027-02-30", expected: nil),
    SettingsCase(name: "a wrong optional count fails rather than unsetting", yaml: "sessions: 0", expected: nil),
  ]

  @Test(arguments: cases)
  func readsEachPresentKeyAndFailsOnAnyWrongOne(_ settingsCase: SettingsCase) throws {
    let problems = ProblemCollector(file: "schedule.yaml")
    let values = ValueReader(problems: problems)
    let root = try #require(YAMLDocument.root(of: settingsCase.yaml, reportingTo: problems))
    var reader = try #require(
      SettingsReader(
        root, keys: ["start", "every_days", "sessions"], what: LocalizedText(fr: "schedule", en: "schedule"),
        defaults: ScheduleSettings(), problems: problems))
    reader.read("start", into: \.start) { values.date($0, key: $1) }
    reader.read("every_days", into: \.intervalDays) { values.integer($0, key: $1, in: 1...92) }
    reader.read("sessions", into: \.sessionCount) { values.integer($0, key: $1, in: 1...200) }
    #expect(reader.result == settingsCase.expected)
    #expect(problems.isEmpty == (settingsCase.expected != nil))
  }
}
