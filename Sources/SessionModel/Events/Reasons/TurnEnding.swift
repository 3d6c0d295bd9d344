/// Why a speaker's turn ended, as `turn.ended` stores it (key `reason`).
///
/// The engine's reasons nest (a turn ends because its trial was skipped); the log keeps one word.
public enum TurnEnding: String, Hashable, Sendable, CaseIterable, EventField {
  /// The therapist gave the floor to someone else.
  case floorGiven
  /// Space.
  case next
  /// S, or the trial was skipped with the speaker still speaking.
  case skipped
  /// The answer reached the protocol's maximum duration.
  case maximumDuration
  /// The trial or the session came to its end with the speaker still speaking.
  case completed
  /// The therapist ended the session with the speaker still speaking.
  case `operator`
  /// The program was asked to stop (``SessionEndReason/signal``) with the speaker still speaking.
  case signal
}
