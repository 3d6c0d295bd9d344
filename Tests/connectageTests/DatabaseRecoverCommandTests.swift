import Foundation
import SessionModel
import SpeechKit
import Store
import Testing

/// A session killed in the middle of an answer loses nothing that was recorded: `db recover`
/// repairs the take, files and measures it, and closes the session in the log; a session still
/// running in another process is left alone.
@Suite struct DatabaseRecoverCommandTests {
  @Test func aSessionKilledMidAnswerIsRecoveredAndARunningOneIsLeftAlone() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-recover-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let databasePath = folder.appendingPathComponent("crash.sqlite").path

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

    // Wait until the second answer is being recorded.
    var started: [SessionEvent] = []
    for _ in 0..<240 where started.count < 2 {
      try await Task.sleep(nanoseconds: 500_000_000)
      guard FileManager.default.fileExists(atPath: databasePath) else { continue }
      started = try SessionDatabase(path: databasePath).eventLog.allEvents().map(\.event)
        .filter { $0.type.rawValue == "recording.started" }
    }
    try #require(started.count == 2, "the demo never reached its second answer")

    let whileRunning = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(whileRunning.exitCode == 0)
    #expect(whileRunning.standardOutput == "Aucune séance interrompue.\n")

    try await Task.sleep(nanoseconds: 1_000_000_000)
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
      #expect(try SHA256.hexDigest(ofFileAt: recording.path) == recording.sha256)
      let reader = try WAVFile.read(URL(fileURLWithPath: recording.path))
      #expect(reader.duration > 0.5, "\(recording.path) holds what was said")
    }
    let types = try database.eventLog.events(in: sessionID).map(\.event.type.rawValue)
    #expect(types.last == "session.interrupted")
    #expect(types.contains("recording.recovered"))
    #expect(try database.check.run().isHealthy)

    let again = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(again.standardOutput == "Aucune séance interrompue.\n")
  }
}
