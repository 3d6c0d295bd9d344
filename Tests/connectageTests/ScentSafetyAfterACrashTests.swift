import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// A session killed while a scent is in the air, then resumed or started afresh, keeps its scents
/// the safety interval apart: the next run remembers the release the killed one made.
@Suite struct ScentSafetyAfterACrashTests {
  @Test(arguments: [["--resume"], []])
  func aSessionKilledDuringAScentWaitsTheFullIntervalAfterIt(_ rerun: [String]) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let databasePath = folder.databasePath
    let demo = ["demo", "--headless", "--brisk", "--players", "2", "--db", databasePath, "--output", folder.path]

    let session = Process()
    session.executableURL = CommandRun.executable
    session.currentDirectoryURL = CommandRun.repositoryRoot
    session.arguments = demo
    session.standardOutput = FileHandle.nullDevice
    session.standardError = FileHandle.nullDevice
    try session.run()
    defer { if session.isRunning { kill(session.processIdentifier, SIGKILL) } }

    // The diffuser has confirmed the scent: the power goes while it is in the air.
    let acknowledged = try #require(
      try Self.waitForEvent("scent.release.acknowledged", in: databasePath), "the demo never released its scent")
    kill(session.processIdentifier, SIGKILL)
    session.waitUntilExit()
    let releaseEnd = try #require(acknowledged.payload["end_ns"].flatMap(UInt64.init))

    let recovery = try CommandRun.connectage(["db", "recover", "--db", databasePath])
    #expect(recovery.exitCode == 0, "\(recovery.standardError)")
    let resumed = try CommandRun.connectage(demo + rerun)
    #expect(resumed.exitCode == 0, "\(resumed.standardError)")

    let database = try SessionDatabase(path: databasePath)
    let resumedID = try #require(
      try database.sessions.fetchAll().map(\.id).first { $0 != acknowledged.session }, "no resumed run")
    let events = try database.eventLog.events(in: resumedID).map(\.event)
    let interval = UInt64(ScentSafetyLimits.standard.minimumIntervalMilliseconds) * 1_000_000
    // Resumed, the scent's trial starts again at once; its release waits for the interval after
    // the killed one's. Started afresh, the first scent may come after the interval anyway.
    let delayed = events.first { $0.type == "scent.delayed" }
    if rerun == ["--resume"] { #expect(delayed != nil, "\(events.map(\.type.rawValue))") }
    #expect(delayed?.payload["untilNanoseconds"].flatMap(UInt64.init).map { $0 >= releaseEnd + interval } != false)
    let sent = events.filter { $0.type == "scent.release.sent" }
    #expect(!sent.isEmpty, "the scent is released once the interval has passed")
    #expect(sent.allSatisfy { $0.monotonicNanoseconds >= releaseEnd + interval })
    #expect(!events.contains { $0.type == "scent.release.refused" })
  }

  /// A log the start cannot read is not an empty history: the first scent could come too soon
  /// after an interrupted run's, so the session does not start, and records nothing.
  @Test func aLogThatCannotBeReadRefusesTheStartAndRecordsNothing() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    _ = try SessionDatabase(path: folder.databasePath)
    // A run of the demo's planned session whose payload is no longer a table of texts.
    let insert = try SQLiteShell.run(
      """
      INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
        VALUES ('G01-S01-20270114T093000-3fa9c2', 1, '2027-01-14T09:30:00.000Z', 'session.opened', '{"kind": 1}', 6);
      """, on: folder.databasePath)
    try #require(insert.status == 0, "\(insert.output)")

    let run = try CommandRun.connectage(
      ["demo", "--headless", "--brisk", "--players", "2", "--db", folder.databasePath, "--output", folder.path])
    #expect(run.exitCode == 1, "\(run.standardError)")
    #expect(run.standardError.contains("n'ont pas pu être relues"), "\(run.standardError)")
    #expect(try SessionDatabase(path: folder.databasePath).sessions.fetchAll().isEmpty)
  }

  /// Polls the log every 100 ms (blocking, as the other crash tests do) for the first event of `type`.
  static func waitForEvent(_ type: String, in databasePath: String) throws -> SessionEvent? {
    var database: SessionDatabase?
    for _ in 0..<1200 {
      Thread.sleep(forTimeInterval: 0.1)
      if database == nil, FileManager.default.fileExists(atPath: databasePath) {
        database = try SessionDatabase(path: databasePath)
      }
      if let event = try database?.eventLog.events(ofTypes: [EventType(rawValue: type)]).first?.event {
        return event
      }
    }
    return nil
  }
}
