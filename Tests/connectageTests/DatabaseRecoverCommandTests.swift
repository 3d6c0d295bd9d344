import Foundation
import SessionModel
import SpeechKit
import Store
import Testing

/// A session killed in the middle of an answer loses nothing that was recorded: `db recover`
/// repairs the take, files and measures it, and closes the session in the log; a session still
/// running in another process is left alone; `--resume` picks the session up at the image it stopped on.
@Suite struct DatabaseRecoverCommandTests {
  @Test func aSessionKilledMidAnswerIsRecoveredThenResumedAndARunningOneIsLeftAlone() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let databasePath = folder.databasePath

    let session = Process()
    session.executableURL = CommandRun.executable
    session.currentDirectoryURL = CommandRun.repositoryRoot
    session.arguments = [
      "demo", "--headless", "--brisk", "--players", "2", "--db", databasePath, "--output", folder.path,
    ]
    session.standardOutput = FileHandle.nullDevice
    session.standardError = FileHandle.nullDevice
    try session.run()
    defer { if session.isRunning { kill(session.processIdentifier, SIGKILL) } }

    // While the first answer is being recorded, recovery must leave the running session alone.
    try #require(try Self.waitForRecordings(1, in: databasePath).count >= 1, "the demo never reached an answer")
    let whileRunning = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(whileRunning.exitCode == 0)
    #expect(whileRunning.standardOutput == "Aucune séance interrompue.\n")

    // A second into the second answer (six seconds long at the brisk pace), the power goes.
    let started = try Self.waitForRecordings(2, in: databasePath)
    try #require(started.count >= 2, "the demo never reached its second answer")
    Thread.sleep(forTimeInterval: 1)
    kill(session.processIdentifier, SIGKILL)
    session.waitUntilExit()

    let recovery = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(recovery.exitCode == 0, "\(recovery.standardError)")
    let sessionID = try #require(started.first?.session)
    #expect(recovery.standardOutput.hasPrefix("Séance \(sessionID) interrompue (dernier événement : "))
    #expect(recovery.standardOutput.hasSuffix("Elle est close dans le journal.\n"))

    let database = try SessionDatabase(path: databasePath)
    let recordings = try database.recordings.fetchAll(in: sessionID)
    #expect(recordings.count == 2, "both takes are filed, the one cut short included")
    for recording in recordings {
      let file = database.recordingFile(atStoredPath: recording.path)
      #expect(try SHA256.hexDigest(ofFileAt: file.path) == recording.sha256)
      let reader = try WAVFile.read(file)
      #expect(reader.duration > 0.5, "\(recording.path) holds what was said")
    }
    let types = try database.eventLog.events(in: sessionID).map(\.event.type.rawValue)
    #expect(types.last == "session.interrupted")
    #expect(types.count { $0 == "trial.ended" } == 1, "killed during the second trial")
    #expect(types.contains("recording.recovered"))
    #expect(try database.check.run().isHealthy)

    let again = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(again.standardOutput == "Aucune séance interrompue.\n")

    // The therapist picks the session up: the image of the first trial is not shown again.
    let resumed = try CommandRun.connectage(
      ["demo", "--headless", "--brisk", "--players", "2", "--resume", "--db", databasePath, "--output", folder.path])
    #expect(resumed.exitCode == 0, "\(resumed.standardError)")
    #expect(resumed.standardOutput.contains("Reprise de la séance interrompue \(sessionID) à l'essai 2.\n"))
    let sessions = try database.sessions.fetchAll().map(\.id)
    let resumedID = try #require(sessions.first { $0 != sessionID })
    let resumedEvents = try database.eventLog.events(in: resumedID).map(\.event)
    #expect(
      resumedEvents.filter { $0.type.rawValue == "trial.started" }.compactMap { $0.payload["trial"] }
        == ["G01-S01-T2", "G01-S01-T3"])
    #expect(
      resumedEvents.first { $0.type.rawValue == "runner.started" }?.payload["resumes"] == sessionID.rawValue)
    #expect(try database.recordings.fetchAll(in: resumedID).count == 2)
    #expect(try database.check.run().isHealthy)
  }

  /// Polls the log every 100 ms until at least `count` answers have started recording (or two
  /// minutes pass), through one connection opened once, so polling never waits on the writer.
  ///
  /// It blocks its thread on purpose: an `async` wait could not resume while the other command
  /// tests hold every thread of the cooperative pool, and the session would end first.
  static func waitForRecordings(_ count: Int, in databasePath: String) throws -> [SessionEvent] {
    var database: SessionDatabase?
    var started: [SessionEvent] = []
    for _ in 0..<1200 where started.count < count {
      Thread.sleep(forTimeInterval: 0.1)
      if database == nil, FileManager.default.fileExists(atPath: databasePath) {
        database = try SessionDatabase(path: databasePath)
      }
      started = try database?.eventLog.allEvents().map(\.event).filter { $0.type.rawValue == "recording.started" } ?? []
    }
    return started
  }
}
