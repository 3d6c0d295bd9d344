import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Replaces a small file so that a reader, a crash or a power cut sees the old contents or the new,
/// never half of either: written to a temporary file beside it, flushed to disk, renamed over it,
/// and the folder flushed so the rename itself is on disk.
///
/// Public so that every file the project writes for keeps (review transcripts, exports, reports)
/// goes through the one implementation of the flushes, which the rename alone does not give.
public enum DurableFile {
  public struct Failure: LocalizedError {
    public var reason: String

    public var errorDescription: String? { reason }
  }

  public static func replace(_ url: URL, with data: Data) throws(Failure) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    try create(temporary, with: data)
    guard rename(temporary.path, url.path) == 0 else {
      let failure = lastError()
      unlink(temporary.path)
      throw Failure(reason: failure)
    }
    flush(folder: folder)
  }

  /// Writes `data` to a new file at `url` (it must not exist) and flushes it to disk, so that a
  /// rename of it later never publishes an empty or partial file after a power cut. Nothing is
  /// left at `url` when it fails.
  ///
  /// - Parameter flushing: false when the caller writes many files and then flushes them together
  ///   (``flushFileSystem(holding:)``) before renaming any.
  public static func create(_ url: URL, with data: Data, flushing: Bool = true) throws(Failure) {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw Failure(reason: lastError()) }
    let written = data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += count
      }
      return true
    }
    let flushed = written && (!flushing || fsync(descriptor) == 0)
    let reason = lastError()
    close(descriptor)
    guard flushed else {
      unlink(url.path)
      throw Failure(reason: reason)
    }
  }

  /// Renames `source` to `destination` and flushes the folder.
  public static func move(_ source: URL, to destination: URL) throws(Failure) {
    guard rename(source.path, destination.path) == 0 else { throw Failure(reason: lastError()) }
    flush(folder: destination.deletingLastPathComponent())
  }

  /// Flushes everything written to the file system that holds `folder` (Linux `syncfs`): one
  /// call for a whole export instead of one flush per file, a tenth of the time for 2,000 small
  /// files on the reference machine, and far less than that on a hard disk, where each flush waits
  /// for the platter.
  public static func flushFileSystem(holding folder: URL) throws(Failure) {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { throw Failure(reason: lastError()) }
    defer { close(descriptor) }
    if let syncFileSystem {
      guard syncFileSystem(descriptor) == 0 else { throw Failure(reason: lastError()) }
    } else {
      sync()
    }
  }

  /// glibc's `syncfs`, which Swift's Glibc module does not declare; without it, `sync` flushes
  /// every file system, the same guarantee at a larger cost.
  private static let syncFileSystem: (@convention(c) (Int32) -> Int32)? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "syncfs") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
  }()

  /// Flushes `folder` itself, so that the names created, renamed or removed in it are on disk.
  public static func flush(folder: URL) {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
