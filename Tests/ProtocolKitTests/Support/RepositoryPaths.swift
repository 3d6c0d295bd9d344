import Foundation

/// Folders of the repository, found from this source file so tests run from any directory.
enum RepositoryPaths {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let protocols = root.appendingPathComponent("Protocols", isDirectory: true)
  static let assets = root.appendingPathComponent("Assets", isDirectory: true)
  static let fixtures = root.appendingPathComponent("Tests/ProtocolKitTests/Fixtures", isDirectory: true)

  /// A fixture named relative to the fixtures folder, so messages read `broken-x.yaml:3:1: …`.
  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: name, relativeTo: fixtures)
  }

  static let fixtureAssets = URL(fileURLWithPath: "Assets", isDirectory: true, relativeTo: fixtures)

  /// The YAML files shipped in `Protocols/`, by name.
  static var shippedFiles: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: protocols.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }
}
