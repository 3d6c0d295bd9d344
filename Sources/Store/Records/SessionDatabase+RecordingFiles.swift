import Foundation

extension SessionDatabase {
  /// The file a stored recording path names: relative to the folder that holds the database file
  /// (so a study folder can move whole), or absolute for files kept elsewhere.
  public func recordingFile(atStoredPath path: String) -> URL {
    guard !path.hasPrefix("/"), let folder = dataFolder else { return URL(fileURLWithPath: path) }
    return folder.appendingPathComponent(path)
  }

  /// How the database stores the path of `file`: relative to the database's folder when the file
  /// is inside it, absolute otherwise (and for a database in memory). Stored paths never carry the
  /// folder a study lives in, which often names the person who keeps it.
  public func storedPath(for file: URL) -> String {
    guard let folder = dataFolder else { return file.standardizedFileURL.path }
    return Self.relativePath(of: file.standardizedFileURL.path, inside: folder.path) ?? file.standardizedFileURL.path
  }

  /// The folder that holds the database file; `nil` in memory.
  public var dataFolder: URL? {
    path.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
  }

  /// `path` relative to `folder`, or `nil` when it is not inside it.
  static func relativePath(of path: String, inside folder: String) -> String? {
    if path == folder { return "." }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
    return String(path.dropFirst(prefix.count))
  }
}
