import Foundation
import Testing

@testable import SessionRunner

/// One run of a planned session at a time on a database, and a crash never leaves the lock stuck.
@Suite struct PlannedSessionLockTests {
  private func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-lock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func aSecondHolderIsRefusedUntilTheFirstLetsGo() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("connectage.sqlite").path
    var first = try SessionLock.holdPlanned("G01-S01", study: "espoir-avc", databasePath: database)
    #expect(first != nil)
    #expect(try SessionLock.holdPlanned("G01-S01", study: "espoir-avc", databasePath: database) == nil)
    #expect(try SessionLock.holdPlanned("G01-S02", study: "espoir-avc", databasePath: database) != nil)
    #expect(try SessionLock.holdPlanned("G01-S01", study: "autre", databasePath: database) != nil)
    first = nil
    #expect(try SessionLock.holdPlanned("G01-S01", study: "espoir-avc", databasePath: database) != nil)
  }

  @Test func aProcessKilledWhileHoldingTheLockLeavesItFree() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("connectage.sqlite").path
    let file = SessionLock.file(ofPlanned: "G01-S01", study: "espoir-avc", databasePath: database)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    // util-linux's flock(1) takes the same kind of lock in another process, which becomes (no fork,
    // exec) the one process holding it, as a run would.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = [
      "--exclusive", "--no-fork", file.path, "sh", "-c", "touch '\(file.path).held'; exec sleep 60",
    ]
    try holder.run()
    for _ in 0..<200 where !FileManager.default.fileExists(atPath: file.path + ".held") {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(try SessionLock.holdPlanned("G01-S01", study: "espoir-avc", databasePath: database) == nil)
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    #expect(try SessionLock.holdPlanned("G01-S01", study: "espoir-avc", databasePath: database) != nil)
  }
}
