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
    #expect(
      run.standardOutput.contains("pas assez de place sur le disque pour les enregistrements"), "\(run.standardOutput)")

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

/// The disk fills up while an answer is being recorded: the take is stopped and filed as it
/// stands, the next ones are refused, and nothing is left at 0 bytes or unaccounted for.
@Suite struct DiskFillingUpSessionTests {
  @Test func aDiskThatFillsDuringATakeStopsItCleanly() async throws {
    guard let disk = SmallDisk.mount(megabytes: 24) else {
      print(SmallDisk.skipMessage)
      return
    }
    defer { disk.remove() }
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    // As soon as the first answer is being recorded, another program fills the disk to 2 MB of
    // free space: below the floor of one 30 s answer and the log's share.
    // A thread of its own, not a task: the test process's few cooperative threads may all be busy
    // with other suites, and the disk must fill while the take is under way.
    let stop = LockedFlag()
    let filler = Thread {
      while !stop.isSet {
        let answers = (try? FileManager.default.subpathsOfDirectory(atPath: disk.folder.path)) ?? []
        if answers.contains(where: { $0.hasSuffix(".wav") && !$0.contains("/voices/") }) { break }
        Thread.sleep(forTimeInterval: 0.02)
      }
      guard !stop.isSet,
        let free = try? FileManager.default.attributesOfFileSystem(forPath: disk.folder.path)[.systemFreeSize] as? Int64
      else { return }
      try? Data(count: Int(max(0, free - 2_000_000))).write(to: disk.folder.appendingPathComponent("someone-else.bin"))
    }
    filler.start()
    let run = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--players", "2", "--db", workspace.databasePath, "--output",
        disk.folder.path,
      ],
      environment: ["XDG_DATA_HOME": workspace.path])
    stop.set()
    try #require(run.exitCode == 0, "\(run.standardError)")

    let database = try SessionDatabase(path: workspace.databasePath)
    let session = try #require(try database.sessions.fetchAll().first)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    #expect(events.contains { $0.type.rawValue == "disk.full" })
    let refused = events.filter {
      $0.type.rawValue == "recording.failed" && $0.payload["reason"]?.hasPrefix("the disk is nearly full") == true
    }
    #expect(!refused.isEmpty)
    // A take refused on the spot is logged after its start, never before it.
    for (index, event) in events.enumerated() where event.type.rawValue == "recording.failed" {
      let previous = events[..<index].last { ["recording.started", "recording.failed"].contains($0.type.rawValue) }
      #expect(
        previous?.type.rawValue == "recording.started" && previous?.payload["trial"] == event.payload["trial"],
        "recording.failed of \(event.payload["trial"] ?? "?") comes before its recording.started")
    }
    let answers = try FileManager.default.subpathsOfDirectory(atPath: disk.folder.path)
      .filter { $0.hasSuffix(".wav") && !$0.contains("/voices/") }
    #expect(!answers.isEmpty, "the take under way when the disk filled is kept")
    for answer in answers {
      let size =
        try FileManager.default.attributesOfItem(atPath: disk.folder.appendingPathComponent(answer).path)[.size] as! Int
      #expect(size > 44, "\(answer) holds sound, not an empty header")
    }
    let check = try database.check.run()
    #expect(check.isHealthy, "\(check.summary.english)")
  }
}

/// A flag one thread sets and another reads.
final class LockedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
