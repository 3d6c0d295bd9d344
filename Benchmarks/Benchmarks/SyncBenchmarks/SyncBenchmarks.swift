import Benchmark
import Foundation
import SessionModel
import Store
import Sync
import TestSupport

// Multi-centre sync over loopback (docs/PERFORMANCE.md): a full site's trial from scratch, and one
// new session after everything else is on the server. The server is a throwaway cluster with
// PostgreSQL's own settings (fsync on); the site is the synthetic full trial, 11,700 answers, its
// event log topped up to 500,000 events by logging its sessions' events again.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], timeUnits: .seconds, warmupIterations: 0,
    maxDuration: .seconds(300), maxIterations: 3)

  let fullSite = Kept<SiteFixture>()
  Benchmark(
    "Sync a full site from scratch: 11,700 answers, 500,000 events",
    closure: { benchmark in
      let site = try fullSite.value()
      for _ in benchmark.scaledIterations {
        benchmark.stopMeasurement()
        try site.server.psql(
          "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION \(TemporaryPostgres.role)",
          database: TemporaryPostgres.database)
        benchmark.startMeasurement()
        blackHole(try site.push())
      }
    },
    setup: { fullSite.keep(try SiteFixture()) }, teardown: { fullSite.take()?.remove() })

  let oneMore = Kept<SiteFixture>()
  Benchmark(
    "Sync one new session (90 answers) after a full site",
    configuration: .init(timeUnits: .milliseconds, maxIterations: 5),
    closure: { benchmark in
      let site = try oneMore.value()
      for _ in benchmark.scaledIterations {
        benchmark.stopMeasurement()
        try site.addSession(named: "G1-S13-again-\(UUID().uuidString.prefix(8))")
        benchmark.startMeasurement()
        blackHole(try site.push())
      }
    },
    setup: {
      let site = try SiteFixture()
      _ = try site.push()
      oneMore.keep(site)
    }, teardown: { oneMore.take()?.remove() })
}

/// The synthetic full trial as one site's database, and a server to sync it to.
final class SiteFixture: @unchecked Sendable {
  let trial: SyntheticTrial
  let database: SessionDatabase
  let server: TemporaryPostgres

  init() throws {
    trial = try SyntheticTrial(design: .fullTrial)
    database = try SessionDatabase(path: trial.databasePath, synchronous: .normal)
    let logged = try database.eventLog.allEvents().map(\.event)
    var count = logged.count
    while count < 500_000 {
      let batch = Array(logged.prefix(500_000 - count))
      _ = try database.eventLog.append(contentsOf: batch)
      count += batch.count
    }
    try database.installationSite.set("BENCH")
    server = try TemporaryPostgres(durable: true)
  }

  func push() throws -> SyncSummary {
    let address = try ServerAddress(server.address)
    let database = database
    return try waitFor {
      try await Synchronisation.push(
        database, to: address, password: TemporaryPostgres.password, site: nil, audioStore: nil)
    }
  }

  /// A session like G1-S13, under a new name: its trials, answers, recordings and events.
  func addSession(named id: String) throws {
    let old = "G1-S13"
    let result = try SQLiteShell.run(
      """
      INSERT INTO session (id, study_id, group_id, number, date, kind, session_date)
        SELECT '\(id)', study_id, group_id, number, date, kind, session_date FROM session WHERE id = '\(old)';
      INSERT INTO trial SELECT '\(id)', id, number, stimulus_id, condition, game, scent_id FROM trial
        WHERE session_id = '\(old)';
      INSERT INTO recording SELECT '\(id)', trial_id, participant_code, path, sha256, duration_s FROM recording
        WHERE session_id = '\(old)';
      INSERT INTO answer_measures SELECT '\(id)', trial_id, participant_code, t_first_word_s, t_last_word_end_s,
        phonation_time_s, silent_pauses_n, silent_pauses_total_s, pause_threshold_ms, words, words_split, ideas_n,
        memories_auto_n, ruleset_version, silent_pauses_json, missing_reason, transcript_source
        FROM answer_measures WHERE session_id = '\(old)';
      INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
        SELECT '\(id)', monotonic_ns, wall_clock, type, payload, schema_version FROM event WHERE session_id = '\(old)';
      """, on: trial.databasePath)
    guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
  }

  func remove() {
    server.stop()
    try? FileManager.default.removeItem(at: trial.folder)
  }
}

/// Runs async work to its end from the benchmark's synchronous closure.
func waitFor<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) throws -> Result {
  let box = Kept<Swift.Result<Result, any Error>>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    do { box.keep(.success(try await work())) } catch { box.keep(.failure(error)) }
    done.signal()
  }
  done.wait()
  return try box.value().get()
}
