import Foundation

/// A small disk of its own for one test: a tmpfs of a few megabytes, to run out of space for real.
///
/// Mounting needs root (CI's fresh machine, the developer's container); elsewhere ``mount(megabytes:)``
/// returns nil and the test says it was skipped.
public final class SmallDisk: Sendable {
  public let folder: URL

  private init(folder: URL) {
    self.folder = folder
  }

  /// Mounts a tmpfs of `megabytes` MiB on a fresh temporary folder; nil when mounting is not allowed.
  public static func mount(megabytes: Int) -> SmallDisk? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-small-disk-\(UUID().uuidString)")
    guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
      return nil
    }
    guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path]) else {
      try? FileManager.default.removeItem(at: folder)
      return nil
    }
    return SmallDisk(folder: folder)
  }

  /// Why a test that needs a small disk did not run.
  public static let skipMessage = "skipped: mounting a small tmpfs needs root (mount -t tmpfs)"

  /// Unmounts the disk and removes its folder.
  public func remove() {
    _ = Self.run("/bin/umount", ["--lazy", folder.path])
    try? FileManager.default.removeItem(at: folder)
  }

  private static func run(_ executable: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
