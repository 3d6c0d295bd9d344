import SessionModel
import SpeechKit

/// One row of `measures.csv`: an answer with its session, trial, group, recording and latest coding.
struct MeasureRow {
  var session: Session
  var trial: Trial
  var group: ParticipantGroup?
  var measures: AnswerMeasures
  var recording: Recording?
  var coding: MemoryCoding?
}
