import Foundation
import SessionModel

/// What one installation remembers between sessions: the language, the default diffuser, the
/// microphone and the screen. Device names and choices only; never a participant or a therapist.
public struct InstallationSettings: Hashable, Sendable, Codable {
  public var language: Language
  /// `none`, `simulated`, or an endpoint as `--diffuser` takes it (`rfcomm:AA:BB:CC:DD:EE:FF`).
  public var diffuser: String
  /// The microphone's name as the sound system lists it; nil takes the system's default.
  public var microphone: String?
  public var fullscreen: Bool

  public init(
    language: Language = .french, diffuser: String = "none", microphone: String? = nil, fullscreen: Bool = true
  ) {
    self.language = language
    self.diffuser = diffuser
    self.microphone = microphone
    self.fullscreen = fullscreen
  }

  /// `$XDG_CONFIG_HOME/connectage/settings.json`, else `~/.config/connectage/settings.json`.
  public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    let config =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
      ?? URL(fileURLWithPath: environment["HOME"] ?? "/tmp", isDirectory: true).appendingPathComponent(".config")
    return config.appendingPathComponent("connectage/settings.json")
  }

  /// The saved settings; the defaults when there are none yet or the file cannot be read (it is
  /// rewritten whole at the next save, so a damaged file never stops a session).
  public static func load(from file: URL) -> InstallationSettings {
    guard let data = try? Data(contentsOf: file),
      let settings = try? JSONDecoder().decode(InstallationSettings.self, from: data)
    else { return InstallationSettings() }
    return settings
  }

  /// Writes the settings atomically, creating the folder.
  public func save(to file: URL) throws {
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: file, options: .atomic)
  }

  /// The diffuser choice a session takes from these settings.
  public var diffuserChoice: DiffuserChoice {
    switch diffuser {
    case "none", "": .none
    case "simulated": .simulated
    default: .endpoint(diffuser)
    }
  }
}
