import Foundation
import SessionModel

/// How the Stage opens its window and where it finds its pictures and font.
public struct StageConfiguration: Sendable {
  /// The window size in pixels; layouts are designed at 1920×1080 and scaled with letterboxing.
  public var width: Int
  public var height: Int
  public var isFullscreen: Bool
  /// No display: SDL's offscreen video driver, for tests, CI and screenshots.
  public var isHeadless: Bool
  /// The software renderer draws the same pixels everywhere, so golden images stay stable.
  public var usesSoftwareRenderer: Bool
  public var usesVSync: Bool
  /// The folder holding `fonts/`, `avatars/`, `stimuli/`, `sounds/`…
  public var assetsRoot: URL
  public var language: Language
  /// A file in SDL's community mapping format, for pads SDL does not know.
  public var padMappingsFile: URL?
  /// Fades and bounces; golden-image tests turn them off so that frames do not depend on time.
  public var animates: Bool
  public var windowTitle: String

  public init(
    width: Int = 1920, height: Int = 1080, isFullscreen: Bool = false, isHeadless: Bool = false,
    usesSoftwareRenderer: Bool = false, usesVSync: Bool = true, assetsRoot: URL = StageConfiguration.bundledAssets,
    language: Language = .french, padMappingsFile: URL? = nil, animates: Bool = true,
    windowTitle: String = "ConnectAge"
  ) {
    self.width = width
    self.height = height
    self.isFullscreen = isFullscreen
    self.isHeadless = isHeadless
    self.usesSoftwareRenderer = usesSoftwareRenderer
    self.usesVSync = usesVSync
    self.assetsRoot = assetsRoot
    self.language = language
    self.padMappingsFile = padMappingsFile
    self.animates = animates
    self.windowTitle = windowTitle
  }

  /// The installed `Assets/` folder (`/usr/share/connectage/Assets` beside `/usr/bin/connectage`, as the
  /// Debian package lays it out), else the repository's, found from this source file, as SwiftPM resources
  /// cannot live outside a target. The installed one comes first so that an installed program never
  /// reads the tree it was built from.
  public static let bundledAssets: URL =
    installedDataFolder("Assets")
    ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Assets", isDirectory: true)

  /// `<prefix>/share/connectage/<name>` for a program installed as `<prefix>/bin/connectage`, when it exists.
  public static func installedDataFolder(_ name: String) -> URL? {
    guard let program = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
    let folder = program.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/connectage/\(name)", isDirectory: true)
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
      ? folder : nil
  }
}
