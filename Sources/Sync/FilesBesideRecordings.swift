import Foundation
import SessionModel
import SpeechKit
import Store

/// The transcripts a site keeps as files beside its recordings (typed `.txt`, CHAT, TextGrid, a
/// speech-recognition draft): pushed as rows of a mirrored table of their own, and written back
/// beside the recordings when the trial is read back, so that CHAT and TextGrid exports from the
/// server are those of the sites.
///
/// A file travels as its exact bytes, in base64: a transcript is not always UTF-8 (Praat writes
/// UTF-16 TextGrids, which SpeechKit reads), and read as text it would reach the server as NULs,
/// which PostgreSQL refuses, or come back as different bytes.
enum FilesBesideRecordings {
  static let table = ReplicatedTable(
    name: "transcript_file",
    columns: [
      .init("session_id", .text, identifies: .session), .init("trial_id", .text), .init("participant_code", .text),
      .init("extension", .text), .init("content_base64", .text),
    ],
    key: ["session_id", "trial_id", "participant_code", "extension"], keeping: .mirror)

  /// One row per transcript file found beside a filed recording.
  static func rows(in database: SessionDatabase) throws -> [ReplicaRow] {
    let recordings = ReplicatedTable.named("recording")!
    let path = recordings.position(of: "path")
    var rows: [ReplicaRow] = []
    for recording in try database.replicaRows(of: recordings) {
      guard case .text(let stored) = recording.values[path] else { continue }
      let base = database.recordingFile(atStoredPath: stored).deletingPathExtension()
      for fileExtension in TranscriptBesideRecording.extensions {
        let file = base.appendingPathExtension(fileExtension)
        guard let data = FileManager.default.contents(atPath: file.path) else { continue }
        rows.append(
          ReplicaRow(
            Array(recording.values[0..<3]) + [.text(fileExtension), .text(data.base64EncodedString())]))
      }
    }
    return rows
  }

  /// Where a site's recording lives in the assembled trial's folder: under the site's code and
  /// the answer (its session, trial and participant), with the file name the site sent, so that
  /// two recordings never share a place and the transcripts beside one keep their names.
  ///
  /// A site sends a recording's file name only (its folders may name a person), and a server
  /// cleaned by migration `s5-redacted-rows` holds no more; a path from an older server is placed
  /// by its file name too. The server's rows are only what a site (or anyone holding a site's role)
  /// wrote there: a path with `..`, `.` or empty segments, or a site code or answer made of them,
  /// could place a link or a transcript outside the folder, so it is refused. A site never stores
  /// one: its relative paths are made inside its folder and its absolute ones are standardized.
  static func placedPath(_ sitePath: String, answer: ArraySlice<String?>, site: SiteID) throws(SyncError) -> String {
    let relative = sitePath.hasPrefix("/") ? "absolute" + sitePath : sitePath
    let name = relative.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? relative
    let placed = ([site.rawValue] + answer.map { $0 ?? "" } + [name]).joined(separator: "/")
    guard isConfined(relative), isConfined(placed) else {
      throw SyncError.unsafeFileFromSite(site: site.rawValue, table: "recording", value: sitePath)
    }
    return placed
  }

  /// Whether `path`, relative, names a file under the folder it is joined to: no `..`, `.` or
  /// empty segment, no NUL.
  static func isConfined(_ path: String) -> Bool {
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    return !path.contains("\0") && segments.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }
}
