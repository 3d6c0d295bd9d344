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

  /// The folders whose files this writer makes for the snapshot's sessions, each ending in `/`:
  /// a file an earlier export wrote there that this one no longer writes (a take superseded after
  /// a resume) is removed, or CLAN and Praat would count that answer twice.
  func folders(for snapshot: ExportSnapshot) -> [String]
}

extension ExportWriter {
  /// Files at fixed names, rewritten by every export: nothing of theirs can be left behind.
  public func folders(for snapshot: ExportSnapshot) -> [String] { [] }
}
