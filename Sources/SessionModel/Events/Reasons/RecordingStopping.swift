/// Why a recording stopped, as `recording.stopped` stores it (key `reason`): a turn's end, or one of
/// the reasons only a recording has.
public enum RecordingStopping: String, Hashable, Sendable, CaseIterable, EventField {
  case floorGiven, next, skipped, maximumDuration, completed
  case `operator`
  /// The program was asked to stop (``SessionEndReason/signal``) during the answer.
  case signal
  /// R: the answer starts again as a new take.
  case redo
  /// A new recording started while one was running.
  case replaced
  /// The recorder reported a failure.
  case failed
  /// The therapist paused; the answer resumes as a new turn.
  case pause
}
