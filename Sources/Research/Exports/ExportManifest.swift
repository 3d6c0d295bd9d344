import Store
/// `manifest.sha256`: the SHA-256 of every file of an export, in the format `sha256sum -c`
/// checks (`<hex>  <name>`), sorted by name, so a recipient can prove nothing changed on the way.
public enum ExportManifest {
  public static let fileName = "manifest.sha256"

  /// One line of a manifest: a file and the SHA-256 it had when it was exported.
  public struct Entry: Hashable, Sendable {
    public var digest: String
    public var name: String
  }

  /// The manifest of `files`, and of the `kept` files of earlier exports still in the folder.
  public static func file(listing files: [ExportedFile], keeping kept: [Entry] = []) -> ExportedFile {
    let entries = files.map { Entry(digest: SHA256.hexDigest(of: Array($0.contents.utf8)), name: $0.name) } + kept
    let lines = entries.sorted { $0.name < $1.name }.map { "\($0.digest)  \($0.name)\n" }
    return ExportedFile(name: fileName, contents: lines.joined(), rowCount: entries.count)
  }

  /// The entries of a manifest's text; lines that are not `<hex>  <name>` are skipped.
  public static func entries(in text: String) -> [Entry] {
    text.split(separator: "\n").compactMap { line in
      guard let gap = line.firstRange(of: "  ") else { return nil }
      let digest = line[..<gap.lowerBound]
      let name = line[gap.upperBound...]
      guard digest.count == 64, digest.allSatisfy(\.isHexDigit), !name.isEmpty else { return nil }
      return Entry(digest: String(digest), name: String(name))
    }
  }
}
