import Foundation

extension SessionDatabase {
  /// The file a stored recording path names: absolute, or relative to the folder that holds the
  /// database file, so a study folder can move whole.
  public func recordingFile(atStoredPath path: String) -> URL {
    guard !path.hasPrefix("/"), let databasePath = self.path else { return URL(fileURLWithPath: path) }
    return URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(path)
  }
}
