import ArgumentParser
import Foundation
import SessionRunner

/// `connectage animation`: the nursing-home animation, games and scents, nothing recorded.
struct AnimationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "animation",
    abstract: "Start the ready-made nursing-home animation: games and scents, nothing recorded.")

  @Option(help: "Which session of the animation programme (from 1).")
  var session = 1

  @OptionGroup var store: StoreOptions
  @OptionGroup var options: SessionOptions

  @MainActor
  func run() async throws {
    let protocolFile = options.stage.assetsRoot.deletingLastPathComponent()
      .appendingPathComponent("Protocols/ehpad-animation.yaml")
    try await RunCommand.runSession(
      RunConfiguration(
        protocolFile: protocolFile, assetsRoot: options.stage.assetsRoot, databasePath: store.resolvedPath,
        outputDirectory: options.stage.outputDirectory(defaultName: "animation"),
        diffuser: try options.diffuserChoice(otherwise: .none),
        display: options.display == .automatic ? .fullscreen : options.display, players: .realPads,
        sessionNumber: session, language: Terminal.language,
        padMappingsFile: options.stage.padMappingsFile, resumesInterruptedRun: options.resume,
        allowsDegradedStart: options.allowDegraded))
  }
}
