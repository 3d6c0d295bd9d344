import Foundation
import Research
import SessionModel
import Store

/// Measures one recorded answer and files it with its measures, off the main thread once the turn ends.
///
/// Word counts, ideas and memories come from the transcript beside the recording when there is
/// one (the demo's spoken sentence; in a real session researchers add them later and run
/// `connectage analyze session`).
///
/// The database keeps one recording per participant and trial: filing a later take (a new turn
/// after a pause, a redo) replaces the earlier one, which stays on disk and in the log. Callers
/// file takes in the order they were recorded and log ``supersededEvent(by:replacing:)`` when
/// ``Outcome/replacedPath`` is set, so the log says which take the database measures.
struct AnswerAnalysis: Sendable {
  var session: SessionID
  var database: SessionDatabase

  struct Outcome: Sendable {
    /// False for answers of seats without a participant: no one to file them under.
    var isMeasured: Bool
    /// The stored path of the earlier take this one replaced in the database.
    var replacedPath: String?
    /// Takes of the same planned answer filed by other runs of the planned session (an interrupted
    /// run this one resumes, an earlier run of the same session): the analysis counts the take
    /// recorded last, so this one now stands for them (`AnswerSelection`).
    var otherRunTakes: [Recording] = []
  }

  func analyze(_ file: AnswerFile) throws -> Outcome {
    guard let participant = file.participant else { return Outcome(isMeasured: false) }
    let answer = AnswerKey(session: session, trial: file.request.trial, participant: participant)
    let earlier = try database.recordings.fetch(answer)
    try database.answers.file(recordingAt: file.url, as: answer)
    let stored = database.storedPath(for: file.url)
    return Outcome(
      isMeasured: true, replacedPath: earlier.map(\.path).flatMap { $0 == stored ? nil : $0 },
      otherRunTakes: try takesOfOtherRuns(of: answer))
  }

  /// The filed takes, in the planned session's other runs, of the answer `file` records.
  func takesOfOtherRuns(of file: AnswerFile) throws -> [Recording] {
    guard let participant = file.participant else { return [] }
    return try takesOfOtherRuns(of: AnswerKey(session: session, trial: file.request.trial, participant: participant))
  }

  /// The filed takes of `answer`'s participant and trial in the other runs of its planned session
  /// (same study, group and session number).
  private func takesOfOtherRuns(of answer: AnswerKey) throws -> [Recording] {
    guard let run = try database.sessions.fetch(session) else { return [] }
    return try database.sessions.fetchAll(study: run.study)
      .filter { $0.id != run.id && $0.group == run.group && $0.number == run.number }
      .compactMap { other in
        try database.recordings.fetch(
          AnswerKey(session: other.id, trial: answer.trial, participant: answer.participant))
      }
  }

  /// `recording.unfiled`: `file` could not be measured and filed, and stays on disk as it is.
  func unfiledEvent(of file: AnswerFile, reason: String) -> SessionEvent {
    SessionEvent(
      session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
      .recording(.unfiled(file.request.take, path: database.storedPath(for: file.url), reason: reason)))
  }

  /// `recording.superseded` across runs: `file` is now the take the analysis counts for its
  /// participant and planned trial, instead of `earlier`, filed by run `replacedSession`.
  func supersededEvent(by file: AnswerFile, replacingTakeOfAnotherRun earlier: Recording) -> SessionEvent {
    supersededEvent(by: file, replacing: earlier.path, of: earlier.session)
  }

  /// `recording.superseded`: `file` is now the take the database keeps for its participant and
  /// trial. Both paths are as the database stores them (relative to its folder when inside it).
  func supersededEvent(by file: AnswerFile, replacing path: String, of run: SessionID? = nil) -> SessionEvent {
    SessionEvent(
      session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
      .recording(
        .superseded(
          trial: file.request.trial, player: file.request.player, participant: file.participant,
          replaced: path, by: database.storedPath(for: file.url), replacedSession: run)))
  }
}
