import Benchmark
import Foundation
import SessionModel
import Store

// Event-log append latency and throughput, durable (synchronous=FULL, the shipped setting)
// against synchronous=NORMAL for comparison. One database per benchmark, opened in setup;
// each sample is one append (one transaction, one fsync of the WAL under FULL), or one
// transaction of 100 events for the batch benchmark.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 20,
    maxDuration: .seconds(10), maxIterations: 5_000)

  for level in [SessionDatabase.SynchronousLevel.full, .normal] {
    let bench = BenchDatabase(level)
    Benchmark(
      "EventLog.append, synchronous=\(level.rawValue)",
      closure: { benchmark in
        let log = try bench.log()
        for index in benchmark.scaledIterations {
          blackHole(try log.append(sampleEvent(index)))
        }
      }, setup: bench.open, teardown: bench.close)
  }

  let batchBench = BenchDatabase(.full)
  let batch = (0..<100).map(sampleEvent)
  Benchmark(
    "EventLog.append(contentsOf: 100 events), synchronous=FULL",
    closure: { benchmark in
      let log = try batchBench.log()
      for _ in benchmark.scaledIterations {
        blackHole(try log.append(contentsOf: batch))
      }
    }, setup: batchBench.open, teardown: batchBench.close)

  statisticsBenchmarks()
  reportBenchmarks()
  hashingBenchmarks()
}

/// A typical event: a pad press with three payload fields.
func sampleEvent(_ index: Int) -> SessionEvent {
  SessionEvent(
    session: "S01", monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(), type: "pad.pressed",
    payload: ["participant": "P03", "button": "a", "index": String(index)])
}

/// A database file in a fresh temporary folder, open between a benchmark's setup and teardown.
final class BenchDatabase: @unchecked Sendable {
  private let level: SessionDatabase.SynchronousLevel
  private let lock = NSLock()
  private var folder: URL?
  private var database: SessionDatabase?

  init(_ level: SessionDatabase.SynchronousLevel) {
    self.level = level
  }

  func open() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = try SessionDatabase(path: folder.appendingPathComponent("bench.sqlite").path, synchronous: level)
    lock.withLock {
      self.folder = folder
      self.database = database
    }
  }

  func log() throws -> EventLog {
    guard let database = lock.withLock({ database }) else { throw CocoaError(.fileNoSuchFile) }
    return database.eventLog
  }

  func close() {
    let folder = lock.withLock {
      database = nil
      return self.folder
    }
    if let folder {
      try? FileManager.default.removeItem(at: folder)
    }
  }
}
