import Foundation
import Store

/// Writes export files into a folder, each through a temporary file renamed into place, so a
/// reader never sees half a file.
///
/// Every file is first written beside its destination under a temporary name, and all of them are
/// flushed to disk together (Store's `DurableFile`), so a failure while writing leaves the previous
/// export intact. Only when all of them are on disk are they renamed: the previous manifest is
/// removed first and the new one renamed last, once the folders holding the renamed files are
/// flushed, so a failure or a power cut in between leaves a folder without `manifest.sha256`
/// (visibly incomplete), and a folder whose manifest lists a file holds that file whole. Names may
/// contain `/` (one folder per session).
public struct ExportDirectory: Sendable {
  public var path: String

  public init(path: String) {
    self.path = path
  }

  /// Creates the folder if needed and writes every file, then ``ExportManifest/fileName``.
  ///
  /// - Returns: the files written, the manifest last.
  /// - Throws: ``StoreError/exportFolderIsAFile(_:)`` or ``StoreError/cannotWriteExport(path:reason:)``.
  @discardableResult
  public func write(_ files: [ExportedFile]) throws -> [ExportedFile] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw StoreError.exportFolderIsAFile(path)
    }
    let root = URL(fileURLWithPath: path)
    // Names come from identifiers in the database (sessions, trials); one such as `../x` must not
    // write outside the folder.
    for file in files {
      let parts = file.name.split(separator: "/", omittingEmptySubsequences: false)
      if file.name.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
        throw StoreError.cannotWriteExport(path: file.name, reason: "not a plain name inside the export folder")
      }
    }
    let all = files + [ExportManifest.file(listing: files)]
    var staged: [(temporary: URL, destination: URL)] = []
    do {
      for file in all {
        let destination = root.appendingPathComponent(file.name)
        let folder = destination.deletingLastPathComponent()
        try create(folder)
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        staged.append((temporary, destination))
        do {
          try DurableFile.create(temporary, with: Data(file.contents.utf8), flushing: false)
        } catch {
          throw StoreError.cannotWriteExport(path: destination.path, reason: error.localizedDescription)
        }
      }
      // Every staged file on disk at once, before any is renamed: one flush per file costs minutes
      // for a whole trial's CHAT and TextGrid files on a hard disk.
      do {
        try DurableFile.flushFileSystem(holding: root)
      } catch {
        throw StoreError.cannotWriteExport(path: root.path, reason: error.localizedDescription)
      }
      let manifest = root.appendingPathComponent(ExportManifest.fileName)
      guard unlink(manifest.path) == 0 || errno == ENOENT else {
        throw StoreError.cannotWriteExport(path: manifest.path, reason: String(cString: strerror(errno)))
      }
      // The old manifest is gone on disk before any file it lists changes.
      DurableFile.flush(folder: root)
      // The manifest is the last file staged, renamed last.
      let listed = staged.dropLast()
      for (temporary, destination) in listed {
        // rename(2) replaces the destination atomically on the same file system.
        guard rename(temporary.path, destination.path) == 0 else {
          throw StoreError.cannotWriteExport(path: destination.path, reason: String(cString: strerror(errno)))
        }
      }
      // Every renamed name (and every folder created for one) is on disk before the manifest is.
      for folder in Self.folders(holding: listed.map(\.destination), under: root) { DurableFile.flush(folder: folder) }
      do {
        try DurableFile.move(staged[staged.count - 1].temporary, to: manifest)
      } catch {
        throw StoreError.cannotWriteExport(path: manifest.path, reason: error.localizedDescription)
      }
    } catch {
      for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
      throw error
    }
    return all
  }

  /// The folders of `files` and those between them and `root`, deepest first, `root` last.
  private static func folders(holding files: [URL], under root: URL) -> [URL] {
    let top = root.standardizedFileURL.path
    var folders: Set<String> = [top]
    for file in files {
      var folder = file.deletingLastPathComponent().standardizedFileURL
      while folder.path.count > top.count, folders.insert(folder.path).inserted {
        folder = folder.deletingLastPathComponent()
      }
    }
    return folders.sorted { ($0.count, $0) > ($1.count, $1) }.map { URL(fileURLWithPath: $0) }
  }

  private func create(_ folder: URL) throws {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw StoreError.cannotWriteExport(path: folder.path, reason: error.localizedDescription)
    }
  }
}
