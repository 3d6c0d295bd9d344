import Foundation

/// Another program holding a database's write lock, as a second connectage or a careless
/// `sqlite3` shell can: the `sqlite3` shell runs `BEGIN EXCLUSIVE` and keeps the transaction open
/// until ``release()``.
final class DatabaseLockHolder {
  private let process = Process()
  private let input = Pipe()

  /// Returns once the lock is held.
  init(path: String) throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("lock-held-\(UUID().uuidString)")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path]
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The shell's output to a pipe is buffered, so the lock announces itself with a file instead.
    // The timeout lets it wait for a write already under way rather than fail to take the lock.
    input.fileHandleForWriting.write(
      Data(".bail on\n.timeout 30000\nBEGIN EXCLUSIVE;\n.shell touch '\(marker.path)'\n".utf8))
    for _ in 0..<600 where !FileManager.default.fileExists(atPath: marker.path) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    // With .bail on, a BEGIN that fails ends the shell before it touches the marker.
    guard (try? FileManager.default.removeItem(at: marker)) != nil else { throw LockNotTaken() }
  }

  struct LockNotTaken: Error {}

  func release() {
    guard process.isRunning else { return }
    input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  deinit { release() }
}
