import ArgumentParser
import Foundation
import Stage

/// What every command that opens the stage shares: whether it draws offscreen, where its images
/// and pad mappings come from, and where the sessions it runs write their files.
struct StageOptions: ParsableArguments {
  @Flag(help: "Draw offscreen (no window), as on a server or in CI.")
  var headless = false

  @Option(help: ArgumentHelp("Folder of images, avatars, sounds and fonts.", valueName: "dir"))
  var assets: String?

  @Option(help: ArgumentHelp("Folder for recordings and exports.", valueName: "dir"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Gamepad mappings in SDL's gamecontrollerdb.txt format, for pads SDL does not recognise.", valueName: "file"))
  var padMappings: String?

  var padMappingsFile: URL? { padMappings.map { URL(fileURLWithPath: $0) } }

  var assetsRoot: URL {
    assets.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? StageConfiguration.bundledAssets
  }

  /// `--output`, else `connectage/<defaultName>` in the user's data folder.
  func outputDirectory(defaultName: String) -> URL {
    if let output { return URL(fileURLWithPath: output) }
    let environment = ProcessInfo.processInfo.environment
    let data =
      environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: environment["HOME"] ?? "/tmp").appendingPathComponent(".local/share")
    return data.appendingPathComponent("connectage/\(defaultName)", isDirectory: true)
  }
}
