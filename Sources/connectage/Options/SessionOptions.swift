import ArgumentParser
import Foundation
import SessionRunner
import Stage

/// Where a session shows, which diffuser it uses and where its files go.
struct SessionOptions: ParsableArguments {
  @Flag(help: "Draw offscreen (no window), as on a server or in CI.")
  var headless = false

  @Flag(help: "Fill the screen (the session room's display).")
  var fullscreen = false

  @Flag(help: "Pick up this session where its interrupted run stopped; images already shown are not shown again.")
  var resume = false

  @Option(
    help: ArgumentHelp(
      "Diffuser: 'simulated', 'none', or unix:PATH, tcp:HOST:PORT, rfcomm:AA:BB:CC:DD:EE:FF[:CHANNEL], ble:AA:BB:CC:DD:EE:FF (default: $CONNECTAGE_DIFFUSER).",
      valueName: "diffuser"))
  var diffuser: String?

  @Option(help: ArgumentHelp("Folder of images, avatars, sounds and fonts.", valueName: "dir"))
  var assets: String?

  @Option(help: ArgumentHelp("Folder for recordings and exports.", valueName: "dir"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Gamepad mappings in SDL's gamecontrollerdb.txt format, for pads SDL does not recognise.", valueName: "file"))
  var padMappings: String?

  var padMappingsFile: URL? { padMappings.map { URL(fileURLWithPath: $0) } }

  var display: DisplayChoice {
    if headless { return .headless }
    return fullscreen ? .fullscreen : .automatic
  }

  /// The diffuser named by `--diffuser`, else by `CONNECTAGE_DIFFUSER`, else `fallback`.
  ///
  /// A real session never falls back to the simulator silently: a therapist must not believe a
  /// scent was released when it was not.
  func diffuserChoice(otherwise fallback: DiffuserChoice) -> DiffuserChoice {
    switch diffuser ?? ProcessInfo.processInfo.environment["CONNECTAGE_DIFFUSER"] {
    case nil: fallback
    case "simulated": .simulated
    case "none": DiffuserChoice.none
    case let endpoint?: .endpoint(endpoint)
    }
  }

  var assetsRoot: URL { assets.map { URL(fileURLWithPath: $0) } ?? StageConfiguration.bundledAssets }

  func outputDirectory(defaultName: String) -> URL {
    if let output { return URL(fileURLWithPath: output) }
    let environment = ProcessInfo.processInfo.environment
    let data =
      environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: environment["HOME"] ?? "/tmp").appendingPathComponent(".local/share")
    return data.appendingPathComponent("connectage/\(defaultName)", isDirectory: true)
  }
}
