internal import GRDB
import SessionModel
import SpeechKit

extension MeasureRepository {
  /// Labels the transcript an answer's measures came from, e.g. `reviewed` once a person has
  /// corrected its draft (the review workstation), without measuring it again.
  ///
  /// - Throws: ``StoreError/unknownAnswer(_:)`` when the answer has no measures.
  public func setTranscriptSource(_ source: TranscriptSource, for answer: AnswerKey) throws {
    try database.write { db in
      try db.execute(
        sql: """
          UPDATE answer_measures SET transcript_source = ?
          WHERE session_id = ? AND trial_id = ? AND participant_code = ?
          """,
        arguments: [source.rawValue, answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue])
      guard db.changesCount > 0 else { throw StoreError.unknownAnswer(answer) }
    }
  }
}
