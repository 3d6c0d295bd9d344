import Foundation

/// Writes export files into a folder, each through a temporary file renamed into place, so a
/// reader never sees half a file and a failure leaves the previous export intact.
public struct ExportDirectory: Sendable {
  public var path: String

  public init(path: String) {
    self.path = path
  }

  /// Creates the folder if needed and writes every file.
  ///
  /// - Throws: ``StoreError/exportFolderIsAFile(_:)`` or ``StoreError/cannotWriteExport(path:reason:)``.
  public func write(_ files: [ExportedFile]) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw StoreError.exportFolderIsAFile(path)
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw StoreError.cannotWriteExport(path: path, reason: error.localizedDescription)
    }
    for file in files {
      let destination = URL(fileURLWithPath: path).appendingPathComponent(file.name)
      let temporary = URL(fileURLWithPath: path).appendingPathComponent(".\(file.name).\(UUID().uuidString).tmp")
      do {
        try Data(file.contents.utf8).write(to: temporary)
        // rename(2) replaces the destination atomically on the same file system.
        guard rename(temporary.path, destination.path) == 0 else {
          throw StoreError.cannotWriteExport(path: destination.path, reason: String(cString: strerror(errno)))
        }
      } catch let error as StoreError {
        try? FileManager.default.removeItem(at: temporary)
        throw error
      } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw StoreError.cannotWriteExport(path: destination.path, reason: error.localizedDescription)
      }
    }
  }
}
