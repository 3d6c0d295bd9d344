import Foundation
import SessionModel
import Store
import TestSupport
import Testing

/// A session whose disk is full records nothing rather than answers of 0 bytes, says so on the
/// therapist's screen and in the log, and `db check` finds every answer accounted for.
@Suite struct DiskFullSessionTests {
  @Test func aDemoOnAFullDiskLogsTheDegradationAndRefusesEveryTakeCleanly() async throws {
    // 4 MiB: room for the demo's spoken answers, below the floor of one 30 s answer and the log's share.
    guard let disk = SmallDisk.mount(megabytes: 4) else {
      print(SmallDisk.skipMessage)
      return
    }
    defer { disk.remove() }
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let run = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--players", "2", "--db", workspace.databasePath, "--output",
        disk.folder.path,
      ],
      environment: ["XDG_DATA_HOME": workspace.path])
    try #require(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("pas assez de place sur le disque pour les enregistrements"), "\(run.standardOutput)")

    let database = try SessionDatabase(path: workspace.databasePath)
    let session = try #require(try database.sessions.fetchAll().first)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let degraded = try #require(events.first { $0.type.rawValue == "session.degraded" })
    #expect(degraded.payload["problem"] == "lowDiskSpace")
    #expect(degraded.payload["allowedBy"] == "demo")
    #expect(events.contains { $0.type.rawValue == "disk.full" })
    let started = events.filter { $0.type.rawValue == "recording.started" }
    let failed = events.filter { $0.type.rawValue == "recording.failed" }
    #expect(!started.isEmpty)
    #expect(failed.count == started.count)
    #expect(failed.allSatisfy { $0.payload["reason"]?.hasPrefix("the disk is nearly full") == true })
    #expect(try database.recordings.fetchAll(in: session.id).isEmpty)
    // The demo's own spoken answers (voices/) are its microphone, not recorded answers.
    let answers = try FileManager.default.subpathsOfDirectory(atPath: disk.folder.path)
      .filter { $0.hasSuffix(".wav") && !$0.contains("/voices/") }
    #expect(answers.isEmpty, "no answer of 0 bytes is left on the disk")
    #expect(try database.check.run().isHealthy)
  }
}
