import ArgumentParser
import Foundation
import ReviewServer
import SessionModel
import SessionRunner
import Stage

/// `connectage` alone (or `connectage home`): the home screen, for therapists and animators who
/// never open a terminal.
struct HomeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home",
    abstract:
      "The home screen (the default): choose and check a session, start it, review it, with the keyboard or the mouse.",
    discussion: """
      Shows the study and group, the next planned session with its date (or another; an interrupted \
      one is offered for resume), the animation, the review workstation and the settings. Before a \
      session it checks the diffuser, the microphone, the pads, the screen and the disk; a problem \
      accepted there is logged as session.degraded (allowedBy home-check). Settings are kept in \
      $XDG_CONFIG_HOME/connectage/settings.json.
      """)

  @OptionGroup var stage: StageOptions

  @Option(help: ArgumentHelp("Folder of protocol files (default: Protocols beside the assets).", valueName: "dir"))
  var protocols: String?

  @OptionGroup var store: StoreOptions

  /// Keys the home screen presses by itself (tests, screenshots): down,enter,wait:1,esc…
  @Option(help: ArgumentHelp("Keys to press by themselves (tests).", visibility: .hidden))
  var keys: String?

  /// Sessions started here are played by virtual players, as `connectage demo` plays them (tests).
  @Option(help: ArgumentHelp("Virtual players for the sessions (tests).", visibility: .hidden))
  var virtualPlayers: Int?

  @Flag(help: ArgumentHelp("Virtual players play as fast as the rules allow (tests).", visibility: .hidden))
  var brisk = false

  @MainActor
  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let script: [HomeScriptStep]
    switch HomeScriptStep.parse(keys ?? "") {
    case .success(let steps): script = steps
    case .failure(let error):
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--keys : « \(error.word) » n'est pas une touche connue.",
          en: "--keys: '\(error.word)' is not a known key."))
    }
    if let virtualPlayers, !(1...10).contains(virtualPlayers) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--virtual-players doit être entre 1 et 10 (reçu \(virtualPlayers)).",
          en: "--virtual-players must be between 1 and 10 (got \(virtualPlayers))."))
    }
    let settingsFile = InstallationSettings.file(environment: environment)
    let settings = InstallationSettings.load(from: settingsFile)
    let assetsRoot = stage.assetsRoot
    let protocolsFolder =
      protocols.map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? assetsRoot.deletingLastPathComponent().appendingPathComponent("Protocols", isDirectory: true)
    let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
    let isHeadless = stage.headless || !hasDisplay
    let base = RunConfiguration(
      protocolFile: protocolsFolder, assetsRoot: assetsRoot, databasePath: store.resolvedPath,
      outputDirectory: stage.outputDirectory(defaultName: virtualPlayers == nil ? "recordings" : "demo"),
      diffuser: settings.diffuserChoice,
      display: isHeadless ? .headless : settings.fullscreen ? .fullscreen : .window,
      players: virtualPlayers.map { .autopilot(players: $0, pace: brisk ? .brisk : .demonstration) } ?? .realPads,
      language: settings.language, padMappingsFile: stage.padMappingsFile,
      isDemonstration: virtualPlayers != nil)
    let screen: Stage
    do {
      screen = try Stage(
        configuration: StageConfiguration(
          width: isHeadless ? 1280 : 1920, height: isHeadless ? 720 : 1080,
          isFullscreen: settings.fullscreen && !isHeadless, isHeadless: isHeadless, usesSoftwareRenderer: isHeadless,
          usesVSync: !isHeadless, assetsRoot: assetsRoot, language: settings.language,
          padMappingsFile: base.padMappingsFile))
    } catch {
      throw CommandFailure.runtime(error.message)
    }
    let review = ReviewLauncher(databasePath: base.databasePath, opensBrowser: !isHeadless)
    let home = HomeLoop(
      stage: screen, base: base, protocolsFolder: protocolsFolder, settings: settings, settingsFile: settingsFile,
      knownDiffusers: environment["CONNECTAGE_DIFFUSER"].map { [$0] } ?? [], script: script,
      openReview: { await review.open() })
    await home.run()
    for line in home.warnings { Terminal.say(line) }
    for summary in home.summaries {
      for line in RunSummaryText.lines(summary, warnings: []) { Terminal.say(line) }
    }
    // Closed by a signal: exit by it as `run` does (128 + the signal), so that a script or a
    // shutdown sees the program was stopped rather than quit by the therapist.
    if let signal = home.stopSignal {
      throw home.summaries.last.flatMap(RunSummaryText.stopFailure) ?? Self.stopFailure(signal)
    }
  }

  /// A signal on the home screen itself, no session under way or just ended.
  private static func stopFailure(_ signal: Int32) -> CommandFailure {
    let name = RunSummaryText.signalName(signal)
    let text = LocalizedText(
      fr: "Arrêt demandé par le système (\(name)) : l'écran d'accueil s'est fermé.",
      en: "Stop asked by the system (\(name)): the home screen closed.")
    return CommandFailure(message: text.text(in: Terminal.language), exitCode: 128 + signal)
  }
}

/// The review workstation started from the home screen: the `review` command's server on
/// 127.0.0.1, kept running until the program closes, and the browser opened on it.
@MainActor
final class ReviewLauncher {
  private let databasePath: String
  private let opensBrowser: Bool
  private var address: String?

  init(databasePath: String, opensBrowser: Bool) {
    self.databasePath = databasePath
    self.opensBrowser = opensBrowser
  }

  func open() async -> LocalizedText {
    if let address {
      if opensBrowser { BrowserLauncher.open(address) }
      return Self.openedAt(address)
    }
    let server: ReviewServer
    do {
      server = try ReviewCommand.server(databasePath: databasePath, study: nil)
    } catch let failure as CommandFailure {
      return LocalizedText(fr: failure.message, en: failure.message)
    } catch {
      return LocalizedText(fr: "La relecture n'a pas pu s'ouvrir.", en: "The review could not open.")
    }
    let token = server.token
    let (addresses, continuation) = AsyncStream.makeStream(of: String.self)
    let application = server.application(host: "127.0.0.1", port: 0) { bound in
      continuation.yield(ReviewCommand.url(token: token, host: "127.0.0.1", port: bound))
      continuation.finish()
    }
    Task.detached {
      do { try await application.runService() } catch { continuation.finish() }
    }
    var iterator = addresses.makeAsyncIterator()
    guard let url = await iterator.next() else {
      return LocalizedText(
        fr: "Le serveur de relecture n'a pas pu démarrer.", en: "The review server could not start.")
    }
    address = url
    if opensBrowser { BrowserLauncher.open(url) }
    return Self.openedAt(url)
  }

  private static func openedAt(_ url: String) -> LocalizedText {
    LocalizedText(
      fr: "Adresse (à garder pour vous) : \(url) — elle reste ouverte jusqu'à la fermeture de ConnectAge.",
      en: "Address (keep it to yourself): \(url) — it stays open until ConnectAge closes.")
  }
}
