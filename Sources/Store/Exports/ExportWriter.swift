/// A format the database can be exported to.
///
/// This is the extension point for more formats: CHAT and Praat TextGrid writers (built on
/// SpeechKit's transcript writers) conform to it, take the same ``ExportSnapshot``, and go through
/// the same ``ExportDirectory`` so every file is written whole or not at all.
public protocol ExportWriter: Sendable {
  /// The files for this snapshot, in memory; nothing is written yet.
  func files(for snapshot: ExportSnapshot) throws -> [ExportedFile]
}
