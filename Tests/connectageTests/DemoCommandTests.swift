import Foundation
import SessionModel
import Store
import Testing

/// `connectage demo` end to end: virtual pads, the real engine, the simulated diffuser over a
/// socket, espeak-ng answers through SDL's capture path, the SQLite log and the exports.
///
/// Each whole session runs in its own process (SDL is process-global), then the test reads what
/// it left behind the way a researcher would: through the Store.
@Suite struct DemoCommandTests {
  static func demo(_ arguments: [String], in workspace: StoreCommandFolder) async throws -> CommandRun {
    try await CommandRun.connectage(
      ["demo", "--headless", "--brisk", "--db", workspace.databasePath, "--output", workspace.path + "/sessions"]
        + arguments,
      environment: ["XDG_DATA_HOME": workspace.path])
  }

  /// A real demo in a process of its own, to be signalled.
  static func signalledDemo(_ arguments: [String], in workspace: StoreCommandFolder) throws -> SignalledCommand {
    try SignalledCommand(
      ["demo", "--headless", "--brisk", "--db", workspace.databasePath, "--output", workspace.path + "/sessions"]
        + arguments, in: workspace)
  }

  @Test(arguments: [
    BadInputCase(
      id: "too many players", arguments: ["--players", "11"],
      message: "--players doit être entre 1 et 10 (reçu 11).\n"),
    BadInputCase(
      id: "no player", arguments: ["--players", "0"],
      message: "--players doit être entre 1 et 10 (reçu 0).\n"),
  ])
  func refusesBadInputBeforeOpeningAnything(_ c: BadInputCase) async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let run = try await Self.demo(c.arguments, in: workspace)
    #expect(run.exitCode == 2)
    #expect(run.standardError == c.message)
    #expect(!FileManager.default.fileExists(atPath: workspace.databasePath), "nothing is created for bad input")
  }

  @Test func aMissingProtocolFileIsNamed() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let run = try await Self.demo(["--protocol", "Protocols/absent.yaml"], in: workspace)
    #expect(run.exitCode == 2)
    #expect(run.standardError.contains("Protocols/absent.yaml"), "\(run.standardError)")
  }

  @Test func aClinicalSessionIsPlayedRecordedMeasuredAndExported() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    // The therapist registered the group beforehand, in an order of their own: player n is its n-th member.
    for code in ["P07", "P03", "P05"] {
      try #require(
        try await CommandRun.connectage([
          "participants", "add", code, "--study", "demo", "--db", workspace.databasePath,
        ])
        .exitCode
          == 0)
    }
    try #require(
      try await CommandRun.connectage(
        ["groups", "add", "G01", "--study", "demo", "--members", "P07,P03,P05", "--db", workspace.databasePath]
      ).exitCode == 0)
    let run = try await Self.demo(["--players", "3"], in: workspace)
    try #require(run.exitCode == 0, "\(run.standardError)")
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "Démonstration : Protocols/demo.yaml, 3 joueur(s) virtuel(s), diffuseur simulé, base \(workspace.databasePath)."
    )

    let database = try SessionDatabase(path: workspace.databasePath)
    let sessions = try database.sessions.fetchAll()
    let session = try #require(sessions.only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    #expect(
      lines.contains(
        "Séance \(session.id) terminée : 3 essai(s), 3 joueur(s), 3 réponse(s) enregistrée(s) dont 3 mesurée(s), 1 odeur(s) diffusée(s), \(events.count) événement(s) journalisé(s)."
      ), "\(lines)")

    // Every player joined with an avatar of their own, and every trial ran from start to end: read
    // through the event catalogue, as recovery and the exports read the log.
    let types = events.map(\.type)
    #expect(events.allSatisfy { $0.kind.isKnown }, "every event the demo logs is in the catalogue")
    let avatars = events.compactMap { event -> AvatarID? in
      if case .seating(.confirmed(_, let avatar, _)) = event.kind { avatar } else { nil }
    }
    #expect(avatars.count == 3 && Set(avatars).count == 3)
    for trial in session.trials {
      let started = try #require(
        events.firstIndex {
          if case .trial(.started(let tag, _, _, _, _)) = $0.kind { tag.trial == trial.id } else { false }
        })
      let ended = try #require(
        events.firstIndex { if case .trial(.ended(let tag, _, _)) = $0.kind { tag.trial == trial.id } else { false } })
      #expect(started < ended)
    }
    #expect(types.first == .sessionOpened || types.first == .scentLinkConnected)
    #expect(types.contains(.sessionEnded))
    Self.expectTimeOrder(try database.eventLog.events(in: session.id))

    // The scent left before its image appeared: the lead time the protocol asks for.
    let scentTrial = try #require(session.trials.first { $0.condition == .imageScent })
    let released = try #require(events.first { $0.type == .scentReleaseAcknowledged })
    let presented = try #require(
      events.first {
        if case .trial(.stimulusPresented(let tag?, _, _)) = $0.kind { tag.trial == scentTrial.id } else { false }
      })
    #expect(released.monotonicNanoseconds < presented.monotonicNanoseconds)

    // Each answer is a real file whose checksum the database vouches for, and it was measured.
    let recordings = try database.recordings.fetchAll(in: session.id)
    #expect(recordings.count == 3)
    #expect(Set(recordings.map(\.participant.rawValue)) == ["P07"], "the brisk pace gives the floor to player 1 only")
    #expect(try database.groups.fetch(GroupID("G01"))?.members.map(\.rawValue) == ["P07", "P03", "P05"])
    for recording in recordings {
      #expect(!recording.path.hasPrefix("/"), "stored relative to the data folder")
      #expect(
        try SHA256.hexDigest(ofFileAt: database.recordingFile(atStoredPath: recording.path).path) == recording.sha256)
      #expect(recording.durationSeconds > 1)
    }
    let measures = try database.measures.fetchAll(in: session.id)
    #expect(measures.count == 3)
    for measure in measures {
      #expect((measure.words ?? 0) > 0)
      let onset = try #require(measure.firstWordOnsetSeconds)
      let offset = try #require(measure.lastWordOffsetSeconds)
      #expect(onset < offset)
    }
    #expect(try database.check.run().isHealthy)

    let export = URL(fileURLWithPath: workspace.path + "/sessions")
      .appendingPathComponent("\(session.id)/export/measures.csv")
    let rows = try String(contentsOf: export, encoding: .utf8).split(separator: "\n")
    #expect(rows.count == 1 + 3)
    // The session's report beside its export: the page only, a demonstration prints no PDF.
    let report = export.deletingLastPathComponent().appendingPathComponent("session-\(session.id).html")
    let page = try String(contentsOf: report, encoding: .utf8)
    #expect(page.contains("<section id=\"attendance\">"))
    #expect(page.components(separatedBy: "data-present=\"1\"").count - 1 == 3)
    #expect(!FileManager.default.fileExists(atPath: report.deletingPathExtension().appendingPathExtension("pdf").path))
    #expect(run.standardOutput.contains("Rapport de séance"))
  }

  @Test func theNursingHomeAnimationPlaysGamesAndScentsAndRecordsNothing() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let run = try await Self.demo(["--players", "2", "--protocol", "Protocols/ehpad-animation.yaml"], in: workspace)
    try #require(run.exitCode == 0, "\(run.standardError)")
    #expect(!run.standardError.contains("ALSA"), "offscreen virtual players use the silent audio driver")

    let database = try SessionDatabase(path: workspace.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let types = events.map(\.type)
    #expect(types.count { $0 == .gameStarted } == session.trials.count, "an animation plays a game on every image")
    #expect(!types.contains(.recordingStarted))
    #expect(try database.recordings.fetchAll(in: session.id).isEmpty)
    let scentTrials = session.trials.filter { $0.condition.includesScent }.count
    #expect(types.count { $0 == .scentReleaseAcknowledged } >= scentTrials)
    #expect(types.count { $0 == .scentStopAcknowledged } >= 1, "the diffuser is stopped at the end")
    Self.expectTimeOrder(try database.eventLog.events(in: session.id))
    #expect(try database.check.run().isHealthy)
  }

  /// SIGTERM, as at a shutdown, once the first image is on screen: the session ends properly
  /// (scents stopped, nothing left open) and says why. The log gives the signal as the end's reason, not the Esc and
  /// Enter of a therapist, and the exit status is 128 + 15, so a script sees the session was cut
  /// short. SDL used to turn the signal into a closed window: Esc and Enter logged, exit status 0.
  /// The summary counts the trials that were run, not those planned.
  @Test func aSignalEndsTheSessionProperlyAndSaysWhy() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let demo = try Self.signalledDemo(
      ["--players", "2", "--protocol", "Protocols/ehpad-animation.yaml"], in: workspace)
    try await demo.signal(SIGTERM, onceTheTraceShows: "stimulus.shown")

    #expect(demo.process.terminationReason == .exit && demo.process.terminationStatus == 128 + SIGTERM)
    let message = try demo.standardError()
    #expect(message.contains("Arrêt demandé par le système (SIGTERM)"), "\(message)")
    let database = try SessionDatabase(path: workspace.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let ends = events.compactMap { event -> SessionEndReason? in
      if case .session(.ended(let reason)) = event.kind { reason } else { nil }
    }
    #expect(ends == [.signal])
    let started = events.count { $0.type == .trialStarted }
    #expect(started < session.trials.count, "the session was cut short")
    let cutShort = events.count { $0.type == .trialEnded } < started ? ", le dernier interrompu" : ""
    let output = try demo.standardOutput()
    #expect(
      output.contains(
        "Séance \(session.id) arrêtée à la demande du système (SIGTERM) : \(started) essai(s) sur \(session.trials.count) prévu(s)\(cutShort), "
      ), "\(output)")
    let keys = Set(events.map(\.type.rawValue))
    #expect(keys.isDisjoint(with: ["operator.end", "operator.confirm"]), "Esc and Enter were not pressed")
    #expect(events.contains { $0.type == .scentStopAcknowledged }, "the diffuser was stopped")
    #expect(try database.check.run().isHealthy)
  }

  /// SIGTERM once the session has ended, in its thank-you or while its answers are measured and
  /// exported: nothing is cut short, so the log keeps the end it had; the exports are written
  /// whole, then the program stops as asked (128 + 15) and says the stop came after the end. It
  /// used to close the thank-you sooner and exit 0, as if no signal had come.
  @Test func aSignalAfterTheEndLetsTheExportsFinishThenStops() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let demo = try Self.signalledDemo(["--players", "2"], in: workspace)
    try await demo.signal(SIGTERM, onceTheTraceShows: "session.ended")

    #expect(demo.process.terminationReason == .exit && demo.process.terminationStatus == 128 + SIGTERM)
    let message = try demo.standardError()
    #expect(
      message.contains("Arrêt demandé par le système (SIGTERM) après la fin de la séance : le programme a fini"),
      "\(message)")
    let database = try SessionDatabase(path: workspace.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let events = try database.eventLog.events(in: session.id).map(\.event)
    let ends = events.compactMap { event -> SessionEndReason? in
      if case .session(.ended(let reason)) = event.kind { reason } else { nil }
    }
    #expect(ends == [.completed], "the log keeps the end the session had")
    let output = try demo.standardOutput()
    #expect(
      output.contains(
        "Séance \(session.id) terminée ; arrêt demandé par le système (SIGTERM) après la fin de la séance : \(session.trials.count) essai(s), "
      ), "\(output)")
    let export = URL(fileURLWithPath: workspace.path + "/sessions").appendingPathComponent("\(session.id)/export")
    let measures = try String(contentsOf: export.appendingPathComponent("measures.csv"), encoding: .utf8)
    #expect(measures.split(separator: "\n").count == 1 + (try database.recordings.fetchAll(in: session.id).count))
    #expect(FileManager.default.fileExists(atPath: export.appendingPathComponent("session-\(session.id).html").path))
    #expect(try database.check.run().isHealthy)
  }
}

extension DemoCommandTests {
  /// Sequence order is time order: the engine's events, the diffuser's and the runner's, stored
  /// as they happened.
  static func expectTimeOrder(_ events: [StoredEvent], sourceLocation: SourceLocation = #_sourceLocation) {
    let backwards = zip(events, events.dropFirst()).filter {
      $0.event.monotonicNanoseconds > $1.event.monotonicNanoseconds
    }
    #expect(
      backwards.isEmpty, "\(backwards.map { "\($1.event.type) stored after \($0.event.type) but earlier" })",
      sourceLocation: sourceLocation)
  }
}

extension Collection {
  /// The single element, or nil when there are none or several.
  var only: Element? { count == 1 ? first : nil }
}
