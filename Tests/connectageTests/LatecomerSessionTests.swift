import Foundation
import SessionModel
import Store
import Testing

/// A patient who comes in after the start answers before the therapist has said who they are:
/// those answers are theirs, and a whole session must file them under their code.
@Suite struct LatecomerSessionTests {
  @Test func answersGivenBeforeTheLatecomerIsNamedAreFiledUnderTheirCode() async throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let run = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--answer-seconds", "1", "--players", "2", "--latecomer", "--db",
        folder.databasePath, "--output", folder.path + "/sessions",
      ],
      environment: ["XDG_DATA_HOME": folder.path])
    try #require(run.exitCode == 0, "\(run.standardError)")
    #expect(!run.standardOutput.contains("sans code participant"), "\(run.standardOutput)")

    let database = try SessionDatabase(path: folder.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let latecomer = try #require(PlayerNumber(rawValue: 2))
    let named = events.compactMap { event -> ParticipantCode? in
      guard case .seating(.attributed(latecomer, let participant)) = event.kind else { return nil }
      return participant
    }
    let code = try #require(named.only, "the virtual therapist names the latecomer once: \(named)")
    let takesBeforeNaming = events.prefix { $0.type != .playerAttributed }.compactMap { event -> TrialID? in
      guard case .recording(.started(let take)) = event.kind, take.player == latecomer else { return nil }
      #expect(take.participant == nil, "the log keeps the take as recorded")
      return take.trial
    }
    try #require(!takesBeforeNaming.isEmpty, "the latecomer answered before being named")

    let filed = try database.recordings.fetchAll().filter { $0.participant == code }
    #expect(Set(filed.map(\.trial)) == Set(session.trials.map(\.id)), "every trial's answer is filed")
    for trial in takesBeforeNaming {
      let recording = try #require(filed.first { $0.trial == trial })
      #expect(recording.path.contains("\(trial.rawValue)-player2-turn"), "filed under its recorded name")
      #expect(try database.measures.fetch(recording.answer) != nil)
    }
    #expect(try database.check.run().problems == [])
  }
}
