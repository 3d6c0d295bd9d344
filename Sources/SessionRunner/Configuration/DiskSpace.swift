import Foundation

/// Free space where a session writes its answers.
enum DiskSpace {
  /// Bytes this process may still write on the file system holding `folder`, or on its nearest
  /// existing parent when the folder is not made yet; nil when the system cannot say.
  static func availableBytes(at folder: URL) -> Int64? {
    var path = folder.standardizedFileURL.path
    while !FileManager.default.fileExists(atPath: path), path != "/" {
      path = (path as NSString).deletingLastPathComponent
    }
    var status = statvfs()
    guard statvfs(path, &status) == 0 else { return nil }
    return Int64(status.f_bavail) * Int64(status.f_frsize)
  }
}
