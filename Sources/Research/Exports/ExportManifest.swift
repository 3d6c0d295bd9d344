import Store
/// `manifest.sha256`: the SHA-256 of every file of an export, in the format `sha256sum -c`
/// checks (`<hex>  <name>`), sorted by name, so a recipient can prove nothing changed on the way.
public enum ExportManifest {
  public static let fileName = "manifest.sha256"

  public static func file(listing files: [ExportedFile]) -> ExportedFile {
    let lines = files.sorted { $0.name < $1.name }.map { file in
      "\(SHA256.hexDigest(of: Array(file.contents.utf8)))  \(file.name)\n"
    }
    return ExportedFile(name: fileName, contents: lines.joined(), rowCount: files.count)
  }
}
