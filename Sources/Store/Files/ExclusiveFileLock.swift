import Foundation

/// An exclusive `flock` on a file, held until the value is released.
///
/// The kernel drops the lock when the process ends, however it ends (even SIGKILL), so a lock is
/// never left stuck by a crash: "the lock is free" means "no process is using what it guards".
public final class ExclusiveFileLock: Sendable {
  private let descriptor: Int32

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  public enum Attempt: Sendable {
    case taken(ExclusiveFileLock)
    case heldElsewhere
    case cannotOpen(errno: Int32)
  }

  /// Takes the lock on `url` (made if needed), waiting for its holder when `waiting`.
  public static func attempt(_ url: URL, waiting: Bool = false) -> Attempt {
    let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return .cannotOpen(errno: errno) }
    guard flock(descriptor, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return .heldElsewhere
    }
    return .taken(ExclusiveFileLock(descriptor: descriptor))
  }
}
