import SessionModel
import Store

/// A format the database can be exported to.
///
/// This is the extension point for more formats: a writer takes the same ``ExportSnapshot``, goes
/// through the same ``ExportDirectory`` (every file written whole or not at all), and says what
/// it wrote. Listed in ``ExportWriters/all``, it is part of `connectage export all` and its summary.
public protocol ExportWriter: Sendable {
  /// Whether ``files(for:)`` reads the transcripts saved beside the recordings, so the snapshot
  /// must load them.
  var readsTranscripts: Bool { get }

  /// The files for this snapshot, in memory; nothing is written yet.
  func files(for snapshot: ExportSnapshot) throws -> [ExportedFile]

  /// What `connectage export all` says of `files`, the ones this writer made (`2 fichier(s) CHAT`).
  func summary(of files: [ExportedFile]) -> LocalizedText
}
