import Foundation

/// The transcript saved under a recording's name with a transcript's extension:
/// `T1-P01-turn1.cha` beside `T1-P01-turn1.wav`.
///
/// The session saves a typed or generated `.txt`; a researcher may add a richer one later, aligned
/// in CLAN or Praat or produced by an ASR. The richest wins: CHAT and TextGrid carry word times
/// and dependent tiers, plain text none. Whose speech in it counts is ``AnswerSpeaker``'s rule,
/// applied by ``AnswerMeasurement``.
public enum TranscriptBesideRecording {
  public static let extensions = ["cha", "TextGrid", "json", "txt"]

  /// The transcript file beside `recording`, or nil when there is none.
  public static func file(of recording: URL) -> URL? {
    let base = recording.deletingPathExtension()
    return extensions.lazy.map { base.appendingPathExtension($0) }
      .first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Reads the transcript beside `recording`, or returns nil when there is none.
  ///
  /// - Throws: ``TranscriptReadError`` naming the file, line and column of what is wrong.
  public static func read(of recording: URL) throws(TranscriptReadError) -> (file: URL, transcript: Transcript)? {
    guard let file = file(of: recording) else { return nil }
    return (file, try TranscriptReader.read(url: file))
  }
}
