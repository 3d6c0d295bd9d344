import ArgumentParser
import Foundation
import SessionModel
import Store
import Sync

/// `connectage sync --to postgres://… [--site CODE] [--audio-to DIR] [--db PATH]` and `--check`.
struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send this site's trial data to the central PostgreSQL server (multi-centre trials).",
    discussion: """
      Sessions keep running on this computer's SQLite file; sync is a separate step, run when the \
      network is there. It sends what the server does not have yet: studies, participants (codes and \
      study fields only), groups, sessions and trials, the event log, recordings' checksums, measures, \
      transcripts, codings and consensus. Run it as often as you like: an interrupted sync run again \
      finishes the job without duplicates. The password comes from PGPASSWORD or ~/.pgpass, never \
      from the address. TLS is required unless the server is on this computer. --check tells how \
      the server's schema compares with this ConnectAge and changes nothing (exit 1 when it differs).
      """)

  @OptionGroup var store: StoreOptions

  @Option(help: ArgumentHelp("The central server.", valueName: "postgres://user@host:port/database"))
  var to: String

  @Option(help: ArgumentHelp("This installation's site code, set once (e.g. LYON-NEURO).", valueName: "code"))
  var site: String?

  @Option(
    name: .customLong("audio-to"),
    help: ArgumentHelp("Copy the recordings into this shared folder, by checksum.", valueName: "folder"))
  var audioStore: String?

  @Flag(help: "Compare the server's schema with this ConnectAge's; change nothing.")
  var check = false

  func run() async throws {
    let address = try SyncFailure.translating { () throws(SyncError) in try ServerAddress(to) }
    let password = PasswordSource.password(for: address, environment: ProcessInfo.processInfo.environment)
    if check {
      let report = try await translating { () async throws(SyncError) in
        try await Synchronisation.check(address, password: password)
      }
      Terminal.say(SyncWords.schemaReport(report, address: address))
      if !report.isCurrent { throw ExitCode(1) }
      return
    }
    let audio = audioStore.map { AudioStore(root: URL(fileURLWithPath: $0)) }
    let requested = site.map(SiteID.init(rawValue:))
    let started = Date()
    let display = SyncProgressDisplay()
    let summary = try await store.withOpenDatabase(creating: false) { database in
      try await translating { () async throws(SyncError) in
        try await Synchronisation.push(
          database, to: address, password: password, site: requested, audioStore: audio,
          progress: { display.show($0) })
      }
    }
    display.finish()
    Terminal.say(SyncWords.summary(summary, address: address, seconds: Date().timeIntervalSince(started)))
  }

  private func translating<Result>(_ work: () async throws(SyncError) -> Result) async throws -> Result {
    do {
      return try await work()
    } catch {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }
}
