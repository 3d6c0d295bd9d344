import Foundation
import SessionModel
import Store
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An event is durable once `append` returned, even if the process dies the next instant.
///
/// The real `connectage` binary appends in a loop and prints each sequence number after `append`
/// returned; the test kills it with SIGKILL at a seeded random moment, reopens the file and
/// checks that every printed event is there, in order.
@Suite(.serialized) struct EventLogDurabilityTests {
  static let runs = 20

  @Test func everyEventWhoseAppendReturnedSurvivesSIGKILL() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: ConnectageBinary.path),
      "build the binary first (swift build --build-tests): \(ConnectageBinary.path)")
    var random = SplitMix64(seed: 2_026_11_27)
    for run in 1...Self.runs {
      // Up to 150 ms after the first event: early kills land during start-up writes, late ones mid-stream.
      let delay = UInt32.random(in: 0...150_000, using: &random)
      try killAndReopen(run: run, delayMicroseconds: delay)
    }
  }

  private func killAndReopen(run: Int, delayMicroseconds: UInt32) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("connectage.sqlite").path
    try SessionDatabase(path: path).sessions.save(
      Session(id: "S01", number: 1, date: CalendarDate("2027-01-14")!, kind: .clinical, trials: []))

    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: ConnectageBinary.path)
    writer.arguments = ["db", "append-events", "--db", path, "--session", "S01", "--count", "1000000"]
    let output = Pipe()
    writer.standardOutput = output
    writer.standardError = FileHandle.nullDevice
    try writer.run()
    var printed = output.fileHandleForReading.availableData
    usleep(delayMicroseconds)
    kill(writer.processIdentifier, SIGKILL)
    writer.waitUntilExit()
    printed += output.fileHandleForReading.readDataToEndOfFile()

    #expect(writer.terminationReason == .uncaughtSignal, "run \(run)")
    // A line cut by the kill may be a number whose printing was interrupted; only whole lines count.
    let text = String(decoding: printed, as: UTF8.self)
    let wholeLines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let sequences = wholeLines.compactMap { Int64($0) }
    #expect(sequences.count == wholeLines.count, "run \(run): unreadable output \(text.prefix(200))")
    #expect(!sequences.isEmpty, "run \(run)")

    let reopened = try SessionDatabase(path: path)
    let stored = try reopened.eventLog.events(in: "S01")
    #expect(Array(stored.prefix(sequences.count).map(\.sequence)) == sequences, "run \(run)")
    // At most one more: the append in flight when the kill came may have committed before printing.
    #expect(
      (0...1).contains(stored.count - sequences.count), "run \(run): \(stored.count) stored, \(sequences.count) printed"
    )
    #expect(stored.map { $0.event.payload["index"] } == (0..<stored.count).map { String($0 + 1) }, "run \(run)")
    #expect(zip(stored, stored.dropFirst()).allSatisfy { $0.sequence < $1.sequence }, "run \(run)")
    let report = try reopened.check.run()
    #expect(report.problems == [], "run \(run)")
    #expect(report.events == stored.count, "run \(run)")
  }
}
