import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Replaces a small file so that a reader, a crash or a power cut sees the old contents or the new,
/// never half of either: written to a temporary file beside it, flushed to disk, renamed over it,
/// and the folder flushed so the rename itself is on disk.
enum DurableFile {
  struct Failure: Error {
    var reason: String
  }

  static func replace(_ url: URL, with data: Data) throws(Failure) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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
    let flushed = written && fsync(descriptor) == 0
    let reason = lastError()
    close(descriptor)
    guard flushed, rename(temporary.path, url.path) == 0 else {
      let failure = flushed ? lastError() : reason
      unlink(temporary.path)
      throw Failure(reason: failure)
    }
    flush(folder)
  }

  /// Renames `source` to `destination` and flushes the folder.
  static func move(_ source: URL, to destination: URL) throws(Failure) {
    guard rename(source.path, destination.path) == 0 else { throw Failure(reason: lastError()) }
    flush(destination.deletingLastPathComponent())
  }

  private static func flush(_ folder: URL) {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
