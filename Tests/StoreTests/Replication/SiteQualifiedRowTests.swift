import SessionModel
import Store
import Testing

/// What a site's rows become on the central server: its sessions, runs and groups qualified with
/// its code, and nothing else touched.
struct SiteQualifiedRowTests {
  private static let events = ReplicatedTable.named("event")!

  private static func event(_ type: String, _ payload: String, session: String = "G01-S01-run") -> ReplicaRow {
    ReplicaRow([
      .integer(7), .text(session), .integer(1_000), .text("2027-01-14T09:30:00.000Z"), .text(type), .text(payload),
      .integer(3),
    ])
  }

  @Test(arguments: [
    // The keys the catalogue marks, at any place in the payload; the rest byte for byte.
    (
      "session.opened", #"{"kind":"clinical","seed":12,"session":"G01-S01-run","trials":6}"#,
      #"{"kind":"clinical","seed":12,"session":"LYON-G01-S01-run","trials":6}"#
    ),
    (
      "runner.started", #"{"output":"answers/G01","resumes":"G01-S01-old","seed":1.5e-07}"#,
      #"{"output":"answers/G01","resumes":"LYON-G01-S01-old","seed":1.5e-07}"#
    ),
    // No run resumed: the empty text stays empty.
    ("runner.started", #"{"players":"pads","resumes":""}"#, #"{"players":"pads","resumes":""}"#),
    (
      "attendance.recorded", #"{"group":"G01","madeUpIn":"G02-S04-x","participant":"P01","study":"demo"}"#,
      #"{"group":"LYON-G01","madeUpIn":"LYON-G02-S04-x","participant":"P01","study":"demo"}"#
    ),
    // A value that reads like a marked key is a value, and a key the type does not mark is left.
    (
      "trial.started", #"{"note":"\"session\":\"x","session":"G01","trial":"T1"}"#,
      #"{"note":"\"session\":\"x","session":"G01","trial":"T1"}"#
    ),
  ])
  func anEventsIdentifiersAreQualified(type: String, payload: String, expected: String) {
    let row = Self.event(type, payload).qualified(at: "LYON", in: Self.events)
    #expect(row.values[5] == .text(expected))
    #expect(row.values[1] == .text("LYON-G01-S01-run"))
    #expect(row.values[0] == .integer(7) && row.values[2] == .integer(1_000) && row.values[4] == .text(type))
  }

  @Test func aTablesIdentifierColumnsAreQualifiedAndNoOther() throws {
    let attendance = try #require(ReplicatedTable.named("attendance"))
    let row = ReplicaRow([
      .text("demo"), .text("G01"), .integer(3), .text("P01"), .text("absent"), .text("ill"), .null,
      .text("2027-01-14T09:30:00Z"),
    ])
    let qualified = row.qualified(at: "LYON", in: attendance)
    #expect(qualified.values[1] == .text("LYON-G01"))
    #expect(qualified.values[6] == .null)
    #expect(
      zip(row.values, qualified.values).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset) == [1])
    // Every table naming a session or group by one of these columns marks it.
    for table in ReplicatedTable.catalogue {
      for column in table.columns where ["session_id", "group_id", "made_up_in"].contains(column.name) {
        #expect(column.identifier != nil, "\(table.name).\(column.name)")
      }
    }
  }

  /// An identifier that already starts with the site's code is prefixed all the same: `LYON-G01`
  /// and `G01` at one site stay two groups on the server.
  @Test func qualifyingNeverMergesTwoIdentifiers() {
    #expect(SiteIdentifier.qualified("LYON-G01", at: "LYON") == "LYON-LYON-G01")
    #expect(SiteIdentifier.qualified("G01", at: "LYON") == "LYON-G01")
    #expect(SiteIdentifier.qualified("", at: "LYON") == "")
  }
}
