import Foundation
import SessionModel
import SpeechKit
import Store
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A real headless session (`connectage demo`: virtual pads, simulated diffuser, spoken answers)
/// killed with SIGKILL at seeded random moments in every phase, each time recovered with
/// `db recover` and resumed with `--resume`, until it ends. Then every answer whose audio reached
/// the disk is filed exactly once, `db check` passes, every session's events are in time order, and
/// the events each kill lost are counted. After each recovery, and at the end, every participant who
/// answered is recorded present, though a killed run never records attendance itself.
///
/// What the process had logged is known from its event trace (`CONNECTAGE_EVENT_TRACE`): one line
/// per event handed to the journal, written before the journal queues it. The trace minus the
/// database, read before recovery adds its own events, is what the kill lost.
@Suite struct WholeSessionCrashTests {
  /// Sessions killed and resumed side by side, each in its own database and folder.
  static let chains = 3
  /// Kills in all, shared by the chains: one whose session ended early starts another.
  static let kills = 27
  static let answerSeconds = 2.0
  static let seed: UInt64 = 2_026_12_06

  @Test func aSessionKilledAtRandomMomentsThenRecoveredAndResumedFilesEachAnswerOnceInTimeOrder() throws {
    try #require(FileManager.default.isExecutableFile(atPath: CommandRun.executable.path), "swift build first")
    let outcomes = LockedOutcomes()
    let budget = KillBudget(Self.kills)
    DispatchQueue.concurrentPerform(iterations: Self.chains) { worker in
      var chain = worker
      while budget.remaining > 0 {
        outcomes.add(
          chain,
          Result {
            var crashes = try CrashChain(number: chain, seed: Self.seed, budget: budget)
            return try crashes.run()
          })
        chain += Self.chains
      }
    }
    var kills: [Kill] = []
    for (chain, outcome) in outcomes.sorted {
      switch outcome {
      case .success(let result):
        kills += result.kills
        for problem in result.problems { Issue.record("chain \(chain): \(problem)") }
      case .failure(let error): Issue.record("chain \(chain): \(error)")
      }
    }
    #expect(kills.count >= 25)
    let phases = Dictionary(grouping: kills, by: \.phase).mapValues(\.count)
    for phase in CrashPhase.targets {
      #expect((phases[phase] ?? 0) > 0, "no kill landed in \(phase): \(phases)")
    }
    let lost = kills.map(\.lostEvents).sorted()
    let landed = CrashPhase.allCases.compactMap { phase in phases[phase].map { "\(phase.rawValue) \($0)" } }
    print(
      "Whole-session crash test: \(kills.count) kills (\(landed.joined(separator: ", "))); "
        + "events lost per kill: median \(lost.isEmpty ? 0 : lost[lost.count / 2]), max \(lost.last ?? 0), "
        + "total \(lost.reduce(0, +)) of \(kills.map(\.loggedEvents).reduce(0, +)) logged; distribution \(lost)")
    for kill in kills {
      print("  aimed at \(kill.aimed), landed in \(kill.phase) after \(kill.lastEvent), \(kill.lostEvents) lost")
    }
  }
}

extension WholeSessionCrashTests {
  /// Where in the session a kill landed, from the last event the process had logged.
  enum CrashPhase: String, Sendable, CaseIterable {
    case joining, image, game, scent, evocation, recording, betweenTrials, ending

    static let targets: [CrashPhase] = [.joining, .game, .scent, .recording, .betweenTrials, .ending]

    /// The phase the session is in after `type`, given the phase before it.
    func after(_ type: String) -> CrashPhase {
      switch type {
      case "session.started", "stimulus.shown", "stimulus.presented": .image
      case "game.started": .game
      case "game.ended": .evocation
      case "scent.requested", "scent.delayed": .scent
      case "scent.ended", "scent.refused", "scent.skipped": .image
      case "evocation.started", "floor.given": .evocation
      case "recording.started": .recording
      case "recording.stopped": .evocation
      case "turn.ended", "trial.ended": .betweenTrials
      case "trial.started": self == .joining ? .image : .betweenTrials
      case "session.ended": .ending
      default: self
      }
    }

    /// The event that opens the window this phase is aimed at, and how long that window lasts: a
    /// little shorter than the phase at the brisk pace (the scent's lead is 0.5 s, the therapist
    /// goes on 0.43 s after an answer), so that a kill seen late still lands in it.
    var marker: (type: String, window: ClosedRange<Double>) {
      switch self {
      case .joining: ("join.opened", 0...1.0)
      case .game: ("game.started", 0...3.0)
      case .scent: ("scent.requested", 0...0.3)
      case .recording: ("recording.started", 0...WholeSessionCrashTests.answerSeconds)
      case .betweenTrials: ("turn.ended", 0...0.4)
      // The autopilot's thank-you lasts two seconds; the last answer is filed during it.
      case .ending: ("session.ended", 0...1.5)
      default: ("session.opened", 0...0)
      }
    }
  }

  /// One kill: where it landed, and how many of the events the process had logged never reached
  /// the database.
  struct Kill: Sendable {
    var aimed: CrashPhase
    var phase: CrashPhase
    var lastEvent: String
    var loggedEvents: Int
    var lostEvents: Int
  }

  /// What one chain found: its kills, and what its finished session got wrong (checks run on the
  /// chain's own thread, recorded by the test).
  struct ChainResult: Sendable {
    var kills: [Kill] = []
    var problems: [String] = []
  }

  /// One planned session killed again and again, then run to its end.
  struct CrashChain {
    let number: Int
    var random: SplitMix64
    let folder: StoreCommandFolder
    let protocolPath: String
    let budget: KillBudget
    /// How often each phase was aimed at in this chain.
    private var aimed: [CrashPhase: Int] = [:]

    init(number: Int, seed: UInt64, budget: KillBudget) throws {
      self.number = number
      self.budget = budget
      random = SplitMix64(seed: seed &+ UInt64(number))
      folder = try StoreCommandFolder()
      protocolPath = try CrashTestProtocol.write(into: URL(fileURLWithPath: folder.path + "/protocol"))
      // A registered group, so that runs, and recoveries of runs killed before they could, record attendance.
      for arguments in [
        ["participants", "add", "P01", "--study", "crash"], ["participants", "add", "P02", "--study", "crash"],
        ["groups", "add", "G01", "--study", "crash", "--members", "P01,P02"],
      ] {
        let registered = try CommandRun.connectage(arguments + ["--db", folder.databasePath])
        guard registered.exitCode == 0 else {
          throw CrashTestFailure("chain \(number): \(arguments.joined(separator: " ")): \(registered.standardError)")
        }
      }
    }

    var output: String { folder.path + "/sessions" }

    /// Kills, recovers and resumes until the session ends; the folder stays for a look when
    /// something failed.
    mutating func run() throws -> ChainResult {
      var kills: [Kill] = []
      var problems: [String] = []
      var resumes = false
      var lifetime = 0
      while true {
        lifetime += 1
        guard lifetime <= 40 else { throw CrashTestFailure("chain \(number): no end after 40 runs") }
        // Once the budget is spent, a few chains die in their thank-you scene, after the session
        // ended in the log but maybe before its last answer was filed; the others end normally.
        let claimed = budget.claim()
        let target =
          claimed ? try nextTarget() : budget.claimEnding() ? (phase: CrashPhase.ending, occurrence: 1) : nil
        let trace = folder.path + "/trace-\(lifetime)"
        let process = try start(resuming: resumes, trace: trace)
        if let target, let moment = try waitForMoment(of: target, in: trace, process: process) {
          usleep(moment)
          kill(process.processIdentifier, SIGKILL)
          process.waitUntilExit()
          if process.terminationReason == .uncaughtSignal {
            kills.append(try measureKill(trace: trace, aimed: target.phase))
            let recovery = try CommandRun.connectage(["db", "recover", "--db", folder.databasePath])
            guard recovery.exitCode == 0 else {
              throw CrashTestFailure(
                "chain \(number): db recover exited \(recovery.exitCode): \(recovery.standardError)")
            }
            problems += try answeredButNotPresent().map { "after kill \(kills.count) (\(target.phase)): \($0)" }
            resumes = true
            continue
          }
        }
        if claimed { budget.giveBack() } else if target != nil { budget.giveBackEnding() }
        process.waitUntilExit()
        let standardError = (try? String(contentsOfFile: folder.path + "/stderr-\(lifetime)", encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0:
          return try finished(kills, problems)
        case 2 where standardError.hasPrefix("Rien à reprendre"):
          // Killed before the run had logged its opening: there is nothing to resume, or every
          // image was already shown.
          if try plannedTrials().allSatisfy({ try endedTrials().contains($0.id) }), try !plannedTrials().isEmpty {
            return try finished(kills, problems)
          }
          resumes = false
        default:
          throw CrashTestFailure(
            "chain \(number): run \(lifetime) exited \(process.terminationStatus): \(standardError)")
        }
      }
    }

    // MARK: Killing

    private func start(resuming: Bool, trace: String) throws -> Process {
      let process = Process()
      process.executableURL = CommandRun.executable
      process.currentDirectoryURL = CommandRun.repositoryRoot
      process.arguments =
        [
          "demo", "--headless", "--brisk", "--answer-seconds", String(WholeSessionCrashTests.answerSeconds),
          "--players", "2", "--protocol", protocolPath, "--db", folder.databasePath, "--output", output,
        ] + (resuming ? ["--resume"] : [])
      var environment = ProcessInfo.processInfo.environment
      environment["CONNECTAGE_LANG"] = nil
      environment["XDG_DATA_HOME"] = folder.path
      environment["CONNECTAGE_EVENT_TRACE"] = trace
      process.environment = environment
      let name = URL(fileURLWithPath: trace).lastPathComponent.replacingOccurrences(of: "trace", with: "")
      FileManager.default.createFile(atPath: folder.path + "/stdout\(name)", contents: nil)
      FileManager.default.createFile(atPath: folder.path + "/stderr\(name)", contents: nil)
      process.standardOutput = FileHandle(forWritingAtPath: folder.path + "/stdout\(name)")
      process.standardError = FileHandle(forWritingAtPath: folder.path + "/stderr\(name)")
      try process.run()
      return process
    }

    /// The phase to aim at next: the one aimed at least often so far, skipping the game or the scent
    /// once their trial has ended, since a resumed session does not show it again. On a tie, the
    /// scent and the game come first: a kill in a later trial would pass them for good.
    private mutating func nextTarget() throws -> (phase: CrashPhase, occurrence: Int) {
      let planned = try plannedTrials()
      let ended = try endedTrials()
      let remaining = planned.isEmpty ? 3 : planned.count { !ended.contains($0.id) }
      let possible = [CrashPhase.scent, .game, .joining, .recording, .betweenTrials].filter { phase in
        switch phase {
        case .game: !planned.contains { $0.condition.includesGame && ended.contains($0.id) }
        case .scent: !planned.contains { $0.condition.includesScent && ended.contains($0.id) }
        default: true
        }
      }
      let phase = possible.min { aimed[$0, default: 0] < aimed[$1, default: 0] } ?? .joining
      aimed[phase, default: 0] += 1
      let occurrence =
        [.recording, .betweenTrials].contains(phase) ? Int.random(in: 1...max(1, remaining), using: &random) : 1
      return (phase, occurrence)
    }

    /// Waits until the trace shows the target's marker, and returns a seeded random delay into its
    /// window in microseconds; nil when the process ended first.
    private mutating func waitForMoment(
      of target: (phase: CrashPhase, occurrence: Int), in trace: String, process: Process
    ) throws -> UInt32? {
      let marker = target.phase.marker
      // Six minutes at most: a session on a CI machine loaded by the rest of the suite still
      // reaches any marker by then (three were once not enough).
      for _ in 0..<36_000 {
        guard process.isRunning else { return nil }
        let events = Self.events(in: trace)
        if events.count(where: { $0.type == marker.type }) >= target.occurrence {
          return UInt32(Double.random(in: marker.window, using: &random) * 1_000_000)
        }
        // A resumed run may skip the scent its killed run released (the safety interval counts
        // that release): then this run has no scent phase to aim at.
        if target.phase == .scent, events.contains(where: { $0.type == "scent.skipped" }) { return nil }
        usleep(10_000)
      }
      kill(process.processIdentifier, SIGKILL)
      throw CrashTestFailure("chain \(number): \(marker.type) never came")
    }

    /// Classifies the kill and counts the traced events of the killed run that are not in the
    /// database, before recovery appends its own.
    private func measureKill(trace: String, aimed: CrashPhase) throws -> Kill {
      let traced = Self.events(in: trace)
      let phase = traced.reduce(CrashPhase.joining) { $0.after($1.type) }
      let last = traced.last?.type ?? "none"
      guard let session = traced.first(where: { $0.type == "session.opened" })?.session ?? traced.first?.session else {
        return Kill(aimed: aimed, phase: phase, lastEvent: last, loggedEvents: 0, lostEvents: 0)
      }
      let stored = try SessionDatabase(path: folder.databasePath).eventLog.events(in: SessionID(rawValue: session))
        .map { TracedEvent(stored: $0.event) }
      var unmatched = Dictionary(stored.map { ($0, 1) }, uniquingKeysWith: +)
      var lost = 0
      for event in traced where event.session == session {
        if let left = unmatched[event], left > 0 { unmatched[event] = left - 1 } else { lost += 1 }
      }
      let invented = unmatched.values.reduce(0, +)
      guard invented == 0 else {
        throw CrashTestFailure("chain \(number): \(invented) stored event(s) of \(session) the process never logged")
      }
      return Kill(
        aimed: aimed, phase: phase, lastEvent: last, loggedEvents: traced.count { $0.session == session },
        lostEvents: lost)
    }

    // MARK: The finished session

    private func finished(_ kills: [Kill], _ problems: [String]) throws -> ChainResult {
      var result = try checkTheFinishedSession()
      result.kills = kills
      result.problems = problems + result.problems
      if result.problems.isEmpty { folder.remove() } else { result.problems.append("files kept in \(folder.path)") }
      return result
    }

    /// Every answer whose audio reached the disk is filed once, the database is sound, and every
    /// session's events are stored in the order of their times.
    private func checkTheFinishedSession() throws -> ChainResult {
      var result = ChainResult()
      let check = try CommandRun.connectage(["db", "check", "--db", folder.databasePath])
      if check.exitCode != 0 { result.problems.append("db check: \(check.standardOutput)\(check.standardError)") }

      let database = try SessionDatabase(path: folder.databasePath)
      let events = try database.eventLog.allEvents()
      for (session, stored) in Dictionary(grouping: events, by: \.event.session) {
        let times = stored.sorted { $0.sequence < $1.sequence }.map(\.event.monotonicNanoseconds)
        if !zip(times, times.dropFirst()).allSatisfy({ $0 <= $1 }) {
          result.problems.append("\(session): events out of time order")
        }
      }

      let recordings = try database.recordings.fetchAll()
      let superseded = Set(
        events.filter { $0.event.type.rawValue == "recording.superseded" }.compactMap { $0.event.payload["replaced"] }
          .map(resolved))
      let filed = Dictionary(grouping: recordings, by: { resolved($0.path) })
      var answers = 0
      for wav in try answerFiles() where try WAVFile.read(wav).duration > 0 {
        answers += 1
        let rows = filed[wav.path]?.count ?? 0
        if !(rows == 1 || (rows == 0 && superseded.contains(wav.path))) {
          result.problems.append("\(wav.lastPathComponent) has audio but is filed \(rows) time(s)")
        }
      }
      if answers < 3 { result.problems.append("only \(answers) answer(s) with audio for 3 trials") }
      result.problems += try answeredButNotPresent()
      // One current take per participant and planned trial, whatever the number of runs.
      let current = recordings.filter { !superseded.contains(resolved($0.path)) }
      for (answer, takes) in Dictionary(grouping: current, by: { "\($0.participant.rawValue) \($0.trial.rawValue)" })
      where takes.count > 1 {
        result.problems.append("\(answer) has \(takes.count) current takes: \(takes.map(\.path))")
      }
      return result
    }

    /// Participants with an answer filed and no present record: a run records its attendance
    /// only as it closes, so for a killed one it is recovery's to record.
    private func answeredButNotPresent() throws -> [String] {
      let database = try SessionDatabase(path: folder.databasePath)
      let present = try database.attendance.fetchAll(study: "crash").filter { $0.status == .present }
      return Set(try database.recordings.fetchAll().map(\.participant)).subtracting(present.map(\.participant))
        .sorted().map { "\($0) answered but is not recorded present" }
    }

    private func plannedTrials() throws -> [Trial] {
      guard FileManager.default.fileExists(atPath: folder.databasePath) else { return [] }
      return try SessionDatabase(path: folder.databasePath).sessions.fetchAll().last?.trials ?? []
    }

    private func endedTrials() throws -> Set<TrialID> {
      guard FileManager.default.fileExists(atPath: folder.databasePath) else { return [] }
      let ended = try SessionDatabase(path: folder.databasePath).eventLog.events(ofTypes: ["trial.ended"])
      return Set(ended.compactMap { stored in stored.event.payload["trial"].map { TrialID(rawValue: $0) } })
    }

    /// The answers' WAV files of every run (not the autopilot's voices).
    private func answerFiles() throws -> [URL] {
      let root = URL(fileURLWithPath: output)
      return try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
        .flatMap { run in
          (try? FileManager.default.contentsOfDirectory(at: run, includingPropertiesForKeys: nil)) ?? []
        }
        .filter { $0.pathExtension == "wav" }
        .map { URL(fileURLWithPath: $0.standardizedFileURL.path) }
    }

    /// A stored path as a file path: absolute ones as they are, relative ones from the data folder.
    private func resolved(_ path: String) -> String {
      guard !path.hasPrefix("/") else { return URL(fileURLWithPath: path).standardizedFileURL.path }
      let candidates = [output, folder.path].map { URL(fileURLWithPath: $0).appendingPathComponent(path).path }
      return URL(fileURLWithPath: candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0])
        .standardizedFileURL.path
    }

    /// The trace's whole lines: a line cut by the kill is not an event the journal received.
    static func events(in trace: String) -> [TracedEvent] {
      guard let text = try? String(contentsOfFile: trace, encoding: .utf8) else { return [] }
      return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
        let fields = line.split(separator: "\t").map(String.init)
        guard fields.count == 3, let time = UInt64(fields[1]) else { return nil }
        return TracedEvent(session: fields[0], time: time, type: fields[2])
      }
    }
  }

  /// An event as the trace names it: session, time it happened, type.
  struct TracedEvent: Hashable, Sendable {
    var session: String
    var time: UInt64
    var type: String

    init(session: String, time: UInt64, type: String) {
      self.session = session
      self.time = time
      self.type = type
    }

    /// A stored event, at the time it happened even when the journal wrote it at a later one.
    init(stored event: SessionEvent) {
      session = event.session.rawValue
      time = event.payload["happenedAtNanoseconds"].flatMap(UInt64.init) ?? event.monotonicNanoseconds
      type = event.type.rawValue
    }
  }

  struct CrashTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// The kills still to make, shared by the chains.
  final class KillBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int
    /// Kills in the thank-you scene, on top of the others, each ending its chain.
    private var endings = 2

    init(_ kills: Int) { left = kills }

    func claimEnding() -> Bool {
      lock.withLock {
        guard endings > 0 else { return false }
        endings -= 1
        return true
      }
    }

    func giveBackEnding() { lock.withLock { endings += 1 } }

    var remaining: Int { lock.withLock { left } }

    /// Takes one kill if any is left.
    func claim() -> Bool {
      lock.withLock {
        guard left > 0 else { return false }
        left -= 1
        return true
      }
    }

    /// Returns a kill the session ended too soon for.
    func giveBack() { lock.withLock { left += 1 } }
  }

  /// The chains' results, gathered from the threads that ran them.
  final class LockedOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Int: Result<ChainResult, any Error>] = [:]

    func add(_ chain: Int, _ outcome: Result<ChainResult, any Error>) {
      lock.withLock { outcomes[chain] = outcome }
    }

    var sorted: [(Int, Result<ChainResult, any Error>)] {
      lock.withLock { outcomes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
  }
}
