import Benchmark
import Foundation
import Research
import SessionModel
import Store
import TestSupport

// The three reports on the full trial (SyntheticTrial.Design.fullTrial: 10 groups × 10 patients ×
// 13 sessions × 9 trials = 11,700 answers, with each session's log), from the database file to the
// HTML page, without the PDF (Chromium's print is timed apart in docs/PERFORMANCE.md).
func reportBenchmarks() {
  let trial = FullTrialFile()
  Benchmark(
    "Reports: session + participant + study pages, 11,700 answers",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 10),
    closure: { benchmark in
      let database = try trial.database()
      for _ in benchmark.scaledIterations {
        blackHole(try Reports.session("G1-S03", in: database).html(in: .french))
        blackHole(
          try Reports.participant(ParticipantCode(rawValue: "G1-P02")!, study: SyntheticTrial.study, in: database)
            .html(in: .french))
        blackHole(try Reports.study(SyntheticTrial.study, in: database).html(in: .french))
      }
    }, setup: trial.create, teardown: trial.remove)
}

/// The full trial written once in setup.
final class FullTrialFile: @unchecked Sendable {
  private let lock = NSLock()
  private var trial: SyntheticTrial?

  func create() throws {
    let made = try SyntheticTrial(design: .fullTrial)
    lock.withLock { trial = made }
  }

  func database() throws -> SessionDatabase {
    guard let trial = lock.withLock({ trial }) else { throw CocoaError(.fileNoSuchFile) }
    return try trial.database
  }

  func remove() {
    lock.withLock { trial }?.remove()
  }
}
