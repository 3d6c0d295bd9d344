import ArgumentParser
import Foundation
import SessionModel
import SessionRunner
import Stage

/// `connectage stage tour`: every scene in turn, with ten virtual gamepads playing.
struct StageTourCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tour",
    abstract: "Walk through every scene (and the home screen) with ten virtual gamepads; optionally save each as PNG.")

  @Flag(help: "Draw offscreen, without a window (automatic when DISPLAY is not set).")
  var headless = false

  @Option(name: .customLong("screenshot-dir"), help: "Save each scene as a PNG in this folder.")
  var screenshotDirectory: String?

  @Option(help: "The assets folder (avatars, stimuli, sounds, fonts).")
  var assets: String?

  @Option(help: "Window size in pixels, as WIDTHxHEIGHT.")
  var size = "1920x1080"

  @Option(name: .customLong("pad-mappings"), help: "Extra gamepad mappings in SDL_GameControllerDB format.")
  var padMappings: String?

  @Option(
    name: .customLong("seconds-per-scene"), help: "How long each scene stays (default 2.5 in a window, 0.4 offscreen).")
  var secondsPerScene: Double?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let configuration = try stageConfiguration(environment: environment)
    let screenshots = try screenshotFolder()
    let seconds = secondsPerScene ?? (configuration.isHeadless ? 0.4 : 2.5)
    let summary = try await MainActor.run { () throws -> TourPlayer.Summary in
      do {
        let stage = try Stage(configuration: configuration)
        let player = try TourPlayer(stage: stage, secondsPerScene: seconds)
        return try player.play(Self.tour, screenshotDirectory: screenshots)
      } catch let error as StageError {
        throw CommandFailure.runtime(error.message)
      }
    }
    let scenes = Self.tour.steps.count
    Terminal.say(
      LocalizedText(
        fr:
          "Visite terminée : \(scenes) scènes, \(StageTour.playerCount) manettes, \(summary.receivedPresses) appuis reçus sur \(summary.sentPresses), \(summary.receivedKeys) touches reçues sur \(summary.sentKeys), \(summary.frames) images affichées.",
        en:
          "Tour finished: \(scenes) scenes, \(StageTour.playerCount) gamepads, \(summary.receivedPresses) of \(summary.sentPresses) presses received, \(summary.receivedKeys) of \(summary.sentKeys) keys received, \(summary.frames) frames shown."
      ))
    if let screenshots {
      Terminal.say(
        LocalizedText(
          fr: "\(summary.screenshots.count) captures enregistrées dans \(screenshots.path).",
          en: "\(summary.screenshots.count) screenshots saved in \(screenshots.path)."))
    }
  }

  /// Every scene of a session, then the home screen, its device checks, the summary and the settings.
  static var tour: StageTour { StageTour(steps: StageTour.standard.steps + HomeTour.steps.map(\.tourStep)) }

  private func stageConfiguration(environment: [String: String]) throws -> StageConfiguration {
    let parts = size.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), (160...7680).contains(width),
      (90...4320).contains(height)
    else {
      throw CommandFailure.badInput(
        .init(
          fr: "La taille « \(size) » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080.",
          en: "The size '\(size)' is not valid: write it as WIDTHxHEIGHT, for example 1920x1080."))
    }
    var assetsRoot = StageConfiguration.bundledAssets
    if let assets {
      assetsRoot = URL(fileURLWithPath: assets, isDirectory: true)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: assetsRoot.path, isDirectory: &isFolder), isFolder.boolValue else {
        throw CommandFailure.badInput(
          .init(
            fr: "Le dossier des ressources « \(assets) » n'existe pas : indiquez le dossier Assets avec --assets.",
            en: "The assets folder '\(assets)' does not exist: point --assets at the Assets folder."))
      }
    }
    var mappings: URL?
    if let padMappings {
      guard FileManager.default.fileExists(atPath: padMappings) else {
        throw CommandFailure.badInput(
          .init(
            fr: "Le fichier de correspondances « \(padMappings) » n'existe pas.",
            en: "The mappings file '\(padMappings)' does not exist."))
      }
      mappings = URL(fileURLWithPath: padMappings)
    }
    let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
    let isHeadless = headless || !hasDisplay
    return StageConfiguration(
      width: width, height: height, isHeadless: isHeadless, usesSoftwareRenderer: isHeadless, usesVSync: !isHeadless,
      assetsRoot: assetsRoot, language: Terminal.language, padMappingsFile: mappings)
  }

  /// The folder for screenshots, created when missing.
  private func screenshotFolder() throws -> URL? {
    guard let screenshotDirectory else { return nil }
    let url = URL(fileURLWithPath: screenshotDirectory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure.badInput(
        .init(
          fr:
            "Impossible de créer le dossier des captures « \(screenshotDirectory) » : choisissez un dossier où vous pouvez écrire.",
          en: "Could not create the screenshot folder '\(screenshotDirectory)': choose a folder you can write to."))
    }
    return url
  }
}
