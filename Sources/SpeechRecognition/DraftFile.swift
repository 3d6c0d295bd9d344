import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a recording's draft goes, and writing it so that it is whole or absent.
///
/// The draft is `<recording>.json` beside `<recording>.wav`, the name ConnectAge reads transcripts
/// from (SpeechKit's `TranscriptBesideRecording`). It is written under a temporary name, flushed to
/// disk and renamed: a run killed at any moment leaves either the whole draft or none, and a
/// resumed run skips exactly the recordings whose drafts are whole.
public enum DraftFile {
  public static func url(of recording: URL) -> URL {
    recording.deletingPathExtension().appendingPathExtension("json")
  }

  /// The temporary name a draft is written under before the rename (never read as a transcript).
  static func temporaryURL(of recording: URL) -> URL {
    let draft = url(of: recording)
    return draft.deletingLastPathComponent().appendingPathComponent(".\(draft.lastPathComponent).partial")
  }

  /// Writes `data` as the draft of `recording`, atomically.
  public static func write(_ data: Data, forRecording recording: URL) throws {
    let temporary = temporaryURL(of: recording)
    try? FileManager.default.removeItem(at: temporary)
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      guard rename(temporary.path, url(of: recording).path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url(of: recording).path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }

  /// Removes a temporary draft a killed run left behind.
  static func removeLeftover(of recording: URL) {
    try? FileManager.default.removeItem(at: temporaryURL(of: recording))
  }
}
