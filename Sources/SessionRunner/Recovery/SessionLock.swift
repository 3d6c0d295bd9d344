import Foundation

/// An exclusive lock a running session holds on a file in its folder.
///
/// The kernel drops the lock when the process ends, however it ends (even SIGKILL), so "the lock
/// is free" means "nobody is running this session" and recovery may close it; a session still
/// running in another process is never touched.
final class SessionLock: Sendable {
  private let descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  static func file(in sessionDirectory: URL) -> URL {
    sessionDirectory.appendingPathComponent(".running")
  }

  /// Takes the lock of a session folder; nil if another process holds it or the file cannot be made.
  static func hold(in sessionDirectory: URL) -> SessionLock? {
    let descriptor = open(file(in: sessionDirectory).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return SessionLock(descriptor: descriptor)
  }

  /// True while a process runs the session of this folder.
  static func isHeld(in sessionDirectory: URL) -> Bool {
    guard FileManager.default.fileExists(atPath: file(in: sessionDirectory).path) else { return false }
    return hold(in: sessionDirectory) == nil
  }
}
