import Foundation
import SessionModel
import Store
import Testing

@testable import SessionRunner

/// What the home screen reads from the protocols and the database: dates from the schedule, the
/// sessions held, and an interrupted one recovered and offered for resume, as `run --resume` would.
@Suite struct HomeCatalogueTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func read(_ databasePath: String) -> HomeCatalogue {
    HomeCatalogue.read(
      protocolsFolder: repository.appendingPathComponent("Protocols"),
      assetsRoot: repository.appendingPathComponent("Assets"), databasePath: databasePath
    ).catalogue
  }

  @Test func withoutADatabaseEverySessionIsPlannedWithItsDate() throws {
    let catalogue = Self.read("/nonexistent/connectage.sqlite")
    #expect(catalogue.clinicalStudies.map(\.id) == ["demo", "espoir-avc"])
    #expect(catalogue.animation?.id == "ehpad-animation")
    let espoir = try #require(catalogue.studies.first { $0.id == "espoir-avc" })
    let group = try #require(espoir.groups.first)
    #expect(group.name == "G01")
    #expect(group.registeredMembers == nil)
    #expect(group.sessions.count == 13)
    #expect(group.sessions.allSatisfy { $0.state == .planned && $0.date != nil && $0.neededBytes > 0 })
    #expect(group.nextSession?.number == 1)
    #expect(zip(group.sessions, group.sessions.dropFirst()).allSatisfy { $0.date! < $1.date! })
  }

  /// A study first run for twenty participants shows its two groups, planned as that run was.
  @Test func aStudyIsPlannedAsItsFirstRunWas() throws {
    let fixture = try RecoveryFixture(sessions: [])
    defer { fixture.remove() }
    try fixture.database.studies.save(Study(id: "espoir-avc", title: "Espoir AVC", protocolName: "espoir-avc"))
    try fixture.database.studies.record(PlanChoice(participants: 20, seed: 1), for: "espoir-avc")
    let catalogue = Self.read(fixture.folder.appendingPathComponent("connectage.sqlite").path)
    #expect(catalogue.studies.first { $0.id == "espoir-avc" }?.groups.map(\.name) == ["G01", "G02"])
    let standard = Self.read("/nonexistent/connectage.sqlite")
    #expect(standard.studies.first { $0.id == "espoir-avc" }?.groups.map(\.name) == ["G01"])
    #expect(
      catalogue.studies.first { $0.id == "demo" }?.groups.map(\.name)
        == standard.studies.first { $0.id == "demo" }?.groups.map(\.name), "a study not run yet keeps the standard plan"
    )
  }

  @Test func aHeldSessionIsPassedAndAnInterruptedOneIsOfferedForResume() throws {
    let held: SessionID = "G01-S01-20270114T100000-aaaaaa"
    let crashed: SessionID = "G01-S02-20270128T100000-bbbbbb"
    let fixture = try RecoveryFixture(sessions: [held, crashed])
    defer { fixture.remove() }
    try fixture.log(held, .sessionEnded, ["reason": "completed"])
    try fixture.database.groups.add(
      ParticipantGroup(id: "G01", study: "espoir-avc", members: [RecoveryFixture.first, RecoveryFixture.second]))
    let catalogue = Self.read(fixture.folder.appendingPathComponent("connectage.sqlite").path)
    let group = try #require(catalogue.studies.first { $0.id == "espoir-avc" }?.groups.first)
    #expect(group.registeredMembers == 2)
    #expect(group.sessions[0].state == .held)
    guard case .interrupted(let trial, let trials) = group.sessions[1].state else {
      Issue.record("session 2 is \(group.sessions[1].state)")
      return
    }
    #expect(trial == 1 && trials > 1)
    #expect(group.nextSession?.number == 2)
    #expect(try SessionRecovery(database: fixture.database).interruptedSessions().isEmpty, "recovered, as run does")
  }
}
