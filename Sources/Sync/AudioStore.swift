import Foundation
import Store

/// A folder that holds recordings by content: `ab/abcdef….wav`, named by the SHA-256 filed with each
/// recording. Copying the same recording twice writes nothing; a file is only ever complete, being
/// written beside its place and renamed into it.
public struct AudioStore: Sendable {
  public let root: URL

  public init(root: URL) {
    self.root = root
  }

  /// Where the recording whose SHA-256 is `sha256` lives in the store.
  public func file(for sha256: String) -> URL {
    root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256 + ".wav")
  }

  /// Whether `text` is a SHA-256 as the store names files by it: 64 hexadecimal digits, and so
  /// never a path of its own.
  static func isChecksum(_ text: String) -> Bool {
    text.count == 64 && text.allSatisfy { $0.isASCII && $0.isHexDigit }
  }

  public func holds(_ sha256: String) -> Bool {
    FileManager.default.fileExists(atPath: file(for: sha256).path)
  }

  /// What happened to one recording.
  enum Outcome: Equatable {
    case copied(bytes: Int)
    case alreadyThere
    case missingLocally
    /// The local file no longer has the checksum filed with it: not copied, so the store never
    /// holds audio that is not what was recorded.
    case changedSinceRecorded
  }

  func copy(_ source: URL, sha256: String) throws(SyncError) -> Outcome {
    if holds(sha256) { return .alreadyThere }
    guard let data = FileManager.default.contents(atPath: source.path) else { return .missingLocally }
    let digest = Store.SHA256.hexDigest(of: data)
    guard digest == sha256 else { return .changedSinceRecorded }
    let target = file(for: sha256)
    do {
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: target, options: .atomic)
    } catch {
      throw SyncError.cannotWriteAudio(path: root.path, reason: error.localizedDescription)
    }
    return .copied(bytes: data.count)
  }
}
