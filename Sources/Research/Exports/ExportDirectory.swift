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
///
/// Exporting again into the same folder replaces the previous export's files. A file the previous
/// manifest lists in a folder the new export owns (`chat/<session>/`), which the new export no
/// longer writes (a take superseded after a resume), is removed, unless it was changed since it was
/// exported: then it is someone's work, left in place and no longer listed. The files of another
/// kind of export in the same folder (the CSV files when only CHAT is exported again) stay listed
/// as they were.
public struct ExportDirectory: Sendable {
  public var path: String

  public init(path: String) {
    self.path = path
  }

  /// Creates the folder if needed and writes every file, then ``ExportManifest/fileName``.
  ///
  /// - Parameter folders: the folders (ending in `/`) whose previous files this export replaces
  ///   (``ExportWriter/folders(for:)``).
  /// - Returns: the files written, the manifest last.
  /// - Throws: ``StoreError/exportFolderIsAFile(_:)`` or ``StoreError/cannotWriteExport(path:reason:)``.
  @discardableResult
  public func write(_ files: [ExportedFile], replacing folders: [String] = []) throws -> [ExportedFile] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw StoreError.exportFolderIsAFile(path)
    }
    let root = URL(fileURLWithPath: path)
    for file in files where !Self.isPlainName(file.name) {
      throw StoreError.cannotWriteExport(path: file.name, reason: "not a plain name inside the export folder")
    }
    let (kept, superseded) = previousFiles(in: root, besides: Set(files.map(\.name)), replacing: folders)
    let all = files + [ExportManifest.file(listing: files, keeping: kept)]
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
      for file in superseded {
        guard unlink(file.path) == 0 || errno == ENOENT else {
          throw StoreError.cannotWriteExport(path: file.path, reason: String(cString: strerror(errno)))
        }
        // A session folder left empty goes too; one holding anything else stays (rmdir fails).
        rmdir(file.deletingLastPathComponent().path)
      }
      // Every renamed name (and every folder created for one) is on disk before the manifest is.
      let changed = listed.map(\.destination) + superseded
      for folder in Self.folders(holding: changed, under: root) { DurableFile.flush(folder: folder) }
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

  /// What the previous manifest in `root` lists besides the `written` names: the entries to keep
  /// listing (files still there, outside the replaced folders) and the files to remove (inside
  /// them, unchanged since they were exported).
  private func previousFiles(in root: URL, besides written: Set<String>, replacing folders: [String])
    -> (kept: [ExportManifest.Entry], superseded: [URL])
  {
    let manifest = root.appendingPathComponent(ExportManifest.fileName)
    guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return ([], []) }
    var kept: [ExportManifest.Entry] = []
    var superseded: [URL] = []
    for entry in ExportManifest.entries(in: text)
    where !written.contains(entry.name) && entry.name != ExportManifest.fileName && Self.isPlainName(entry.name) {
      let file = root.appendingPathComponent(entry.name)
      guard let contents = FileManager.default.contents(atPath: file.path) else { continue }
      if folders.contains(where: { entry.name.hasPrefix($0) }) {
        if SHA256.hexDigest(of: [UInt8](contents)) == entry.digest { superseded.append(file) }
      } else {
        kept.append(entry)
      }
    }
    return (kept, superseded)
  }

  /// Whether `name` is a relative path that stays inside the export folder: names come from
  /// identifiers in the database (sessions, trials), and one such as `../x` must not write, or
  /// remove, outside it.
  private static func isPlainName(_ name: String) -> Bool {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    return !name.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
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
