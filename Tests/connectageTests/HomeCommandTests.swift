import Foundation
import SessionModel
import Store
import Testing

/// `connectage` alone: the home screen, driven by synthetic keys through SDL, its device checks on
/// a simulated diffuser and a file-backed microphone, and a session started from it.
@Suite struct HomeCommandTests {
  /// Raw 16 kHz mono 16-bit samples: a 220 Hz tone at `amplitude` of full scale, for SDL's disk driver.
  static func tone(amplitude: Double, seconds: Double, to url: URL) throws {
    let count = Int(seconds * 16_000)
    var data = Data(capacity: count * 2)
    for index in 0..<count {
      let sample = Int16(clamping: Int((amplitude * 32_767 * sin(Double(index) * 2 * .pi * 220 / 16_000)).rounded()))
      withUnsafeBytes(of: sample.littleEndian) { data.append(contentsOf: $0) }
    }
    try data.write(to: url)
  }

  static func events(in databasePath: String) throws -> [SessionEvent] {
    let database = try SessionDatabase(path: databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    return try database.eventLog.events(in: session.id).map(\.event)
  }

  /// Home, through the four checks (the diffuser chosen with →, the microphone hearing a file,
  /// no pad plugged, so the therapist accepts "sans manettes"), the session, its summary, quit.
  static let throughTheChecks = [
    "down,down,down,enter",  // Commencer la séance
    "right",  // diffuser: none → simulated, checked again
    "up,enter",  // Continuer
    "wait:2.5",  // the microphone hears the file
    "up,enter",  // Continuer (the microphone passed)
    "enter",  // Continuer quand même : sans manettes
    "up,enter",  // Commencer la séance: the session runs, then its summary
    "down,enter",  // Terminer
    "esc",
  ].joined(separator: ",")

  @Test func aSessionStartedFromTheHomeScreenLogsWhatTheCommandLineLogs() async throws {
    let command = try StoreCommandFolder()
    let home = try StoreCommandFolder()
    defer {
      command.remove()
      home.remove()
    }
    let fromCommandLine = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--players", "2", "--diffuser", "simulated", "--db", command.databasePath,
        "--output", command.path + "/sessions",
      ],
      environment: ["XDG_DATA_HOME": command.path])
    try #require(fromCommandLine.exitCode == 0, "\(fromCommandLine.standardError)")

    let speech = URL(fileURLWithPath: home.path + "/speech.raw")
    try Self.tone(amplitude: 0.3, seconds: 30, to: speech)
    let fromHome = try await CommandRun.connectage(
      [
        "--headless", "--db", home.databasePath, "--output", home.path + "/sessions", "--virtual-players", "2",
        "--brisk", "--keys", Self.throughTheChecks,
      ],
      environment: [
        "XDG_DATA_HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "DISPLAY": "", "WAYLAND_DISPLAY": "",
        "SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILEIN": speech.path, "SDL_DISKAUDIOFILE": home.path + "/played.raw",
      ])
    try #require(fromHome.exitCode == 0, "\(fromHome.standardError)")
    #expect(fromHome.standardOutput.contains("terminée : "), "\(fromHome.standardOutput)")

    let expected = try Self.events(in: command.databasePath)
    let got = try Self.events(in: home.databasePath)
    // The one difference: the degradation the therapist accepted on the pads' check, logged as such.
    let accepted = got.compactMap { event -> String? in
      if case .session(.degraded(let problem, let allowedBy, _, _)) = event.kind {
        "\(problem) \(allowedBy ?? "")"
      } else {
        nil
      }
    }
    #expect(accepted == ["noPads home-check"], "the microphone and the diffuser passed their checks")
    let withoutAccepted = got.filter { $0.type != .sessionDegraded }
    // The engine's events come in the same order. The diffuser's (links, heartbeats, acknowledgements)
    // arrive on its own connection at its own pace, so their place and number vary: left out.
    let fromEngine = { (events: [SessionEvent]) in
      events.filter { !$0.type.rawValue.hasPrefix("scent.") }.map(\.type)
    }
    #expect(fromEngine(withoutAccepted) == fromEngine(expected))
    let releases = { (events: [SessionEvent]) in events.filter { $0.type.rawValue == "scent.release.sent" }.count }
    #expect(releases(got) == releases(expected), "the same scents released")
    let start = { (events: [SessionEvent]) -> RunStart? in
      events.lazy.compactMap { if case .session(.runnerStarted(let run)) = $0.kind { run } else { nil } }.first
    }
    #expect(start(got) != nil && start(got) == start(expected), "same protocol, seed, players, diffuser and folder")
  }

  /// SIGTERM during a session started from the home screen: the session ends properly, its
  /// exports are written, the home screen closes and the program exits by the signal (128 + 15),
  /// as `run` does, so that a script or a shutdown sees it was stopped. It used to exit 0.
  @Test func aSignalDuringASessionClosesTheHomeScreenAndExitsByIt() async throws {
    let home = try StoreCommandFolder()
    defer { home.remove() }
    let speech = URL(fileURLWithPath: home.path + "/speech.raw")
    try Self.tone(amplitude: 0.3, seconds: 30, to: speech)
    let command = try SignalledCommand(
      [
        "--headless", "--db", home.databasePath, "--output", home.path + "/sessions", "--virtual-players", "2",
        "--brisk", "--keys", Self.throughTheChecks,
      ],
      environment: [
        "XDG_CONFIG_HOME": home.path + "/config", "DISPLAY": "", "WAYLAND_DISPLAY": "", "SDL_AUDIODRIVER": "disk",
        "SDL_DISKAUDIOFILEIN": speech.path, "SDL_DISKAUDIOFILE": home.path + "/played.raw",
      ], in: home)
    try await command.signal(SIGTERM, onceTheTraceShows: "stimulus.shown")

    #expect(command.process.terminationReason == .exit && command.process.terminationStatus == 128 + SIGTERM)
    let message = try command.standardError()
    #expect(message.contains("Arrêt demandé par le système (SIGTERM) : la séance a été close proprement"), "\(message)")
    let output = try command.standardOutput()
    #expect(output.contains("arrêtée à la demande du système (SIGTERM)"), "\(output)")
    let ends = try Self.events(in: home.databasePath).compactMap { event -> SessionEndReason? in
      if case .session(.ended(let reason)) = event.kind { reason } else { nil }
    }
    #expect(ends == [.signal])
    let database = try SessionDatabase(path: home.databasePath)
    let session = try #require(try database.sessions.fetchAll().only)
    let export = URL(fileURLWithPath: home.path + "/sessions").appendingPathComponent("\(session.id)/export")
    #expect(FileManager.default.fileExists(atPath: export.appendingPathComponent("measures.csv").path))
  }

  /// SIGTERM on the home screen itself, no session under way: the program closes and exits by it.
  /// It used to exit 0, as if the therapist had quit.
  @Test func aSignalOnTheHomeScreenExitsByIt() async throws {
    let home = try StoreCommandFolder()
    defer { home.remove() }
    let command = try SignalledCommand(
      [
        // The settings, saved unchanged: once their file is written, the home screen is up.
        "--headless", "--db", home.databasePath, "--output", home.path + "/sessions", "--keys", "up,enter,up,up,enter",
      ],
      environment: ["XDG_CONFIG_HOME": home.path + "/config", "DISPLAY": "", "WAYLAND_DISPLAY": ""], in: home)
    try await command.signal(SIGTERM, onceThereIs: home.path + "/config/connectage/settings.json")

    #expect(command.process.terminationReason == .exit && command.process.terminationStatus == 128 + SIGTERM)
    let message = try command.standardError()
    #expect(message.contains("Arrêt demandé par le système (SIGTERM) : l'écran d'accueil s'est fermé."), "\(message)")
  }

  @Test func aMistypedKeyIsRefused() throws {
    let run = try CommandRun.connectage(["home", "--headless", "--keys", "down,jump"])
    #expect(run.exitCode == 2)
    #expect(run.standardError == "--keys : « jump » n'est pas une touche connue.\n")
  }
}
