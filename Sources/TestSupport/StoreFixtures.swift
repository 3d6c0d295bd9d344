import Foundation
import SessionModel
import Store

/// Small, obviously fake data for the Store and Research tests: codes P01…, sessions S01…, no names
/// anywhere.
public enum StoreFixtures {
  /// A fresh folder under the system's temporary directory; each test gets its own.
  public static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("connectage-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  public static let firstParticipant = Participant(
    code: fixtureCode("P01"), study: "espoir-avc", arm: "with-memory-disorder", usableHand: .right, wearsGlasses: true,
    wearsHearingAid: false, smell: .normal, aphasia: .broca, hasMemoryDisorder: true)
  public static let secondParticipant = Participant(
    code: fixtureCode("P02"), study: "espoir-avc", usableHand: .left, smell: .hyposmic)
  public static let thirdParticipant = Participant(
    code: fixtureCode("P03"), study: "autre", wearsHearingAid: true, smell: .anosmic, aphasia: .transcorticalSensory)

  public static let group = ParticipantGroup(
    id: "G1", study: "espoir-avc", site: "CHU-NANTES", arm: "with-memory-disorder",
    members: [fixtureCode("P01"), fixtureCode("P02")])

  public static let firstSession = Session(
    id: "S01", study: "espoir-avc", group: "G1", number: 1, date: CalendarDate("2027-01-14")!, kind: .clinical,
    trials: [
      Trial(id: "T1", number: 1, stimulus: "verger", condition: .image),
      Trial(id: "T2", number: 2, stimulus: "cafe", condition: .imageScent, scent: "cafe"),
      Trial(id: "T3", number: 3, stimulus: "bal", condition: .imageGame, game: .memoryPairs),
    ])
  public static let secondSession = Session(
    id: "S02", study: "autre", number: 1, date: CalendarDate("2027-01-28")!, kind: .animation,
    trials: [Trial(id: "T1", number: 1, stimulus: "plage", condition: .imageGameScent, game: .whichScent, scent: "mer")]
  )

  /// 2027-01-14T09:30:00.125Z: the fraction is exact in binary, so it survives the millisecond text.
  public static let morning = Date(timeIntervalSince1970: 1_799_919_000.125)

  /// An event `offset` nanoseconds into the session; its wall clock moves in eighths of a second,
  /// which the millisecond text of the log keeps exactly.
  public static func event(
    _ session: SessionID, _ type: EventType, at offset: UInt64, _ payload: [String: String] = [:]
  )
    -> SessionEvent
  {
    SessionEvent(
      session: session, monotonicNanoseconds: 5_000_000_000 + offset,
      wallClock: morning.addingTimeInterval(Double(offset / 125_000_000) * 0.125), type: type, payload: payload)
  }

  /// Participants P01–P03, group G1 and sessions S01 and S02 with their trials.
  public static func plannedDatabase() throws -> SessionDatabase {
    let database = try SessionDatabase.inMemory()
    for participant in [firstParticipant, secondParticipant, thirdParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(group)
    try database.sessions.save(firstSession)
    try database.sessions.save(secondSession)
    return database
  }
}

/// Fixture codes are always valid.
private func fixtureCode(_ text: String) -> ParticipantCode {
  ParticipantCode(rawValue: text)!
}
