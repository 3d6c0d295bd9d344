import Foundation
import SessionModel
import Store

/// Measures one recorded answer and files it with its measures, off the main thread once the turn ends.
///
/// Word counts, ideas and memories come from the transcript beside the recording when there is
/// one (the demo's spoken sentence; in a real session researchers add them later and run
/// `connectage analyze session`).
struct AnswerAnalysis: Sendable {
  var session: SessionID
  var database: SessionDatabase

  /// Returns true when measures were stored (answers of unseated players have no participant to file them under).
  func analyze(_ file: AnswerFile) throws -> Bool {
    guard let participant = file.request.participant else { return false }
    try database.answers.file(
      recordingAt: file.url, as: AnswerKey(session: session, trial: file.request.trial, participant: participant))
    return true
  }
}
