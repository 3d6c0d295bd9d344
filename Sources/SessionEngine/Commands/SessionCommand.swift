import SessionModel

/// What the caller must do after an input; the engine itself never does any of it.
public enum SessionCommand: Hashable, Sendable {
  /// Draw this scene (sent only when it differs from the last one, or to replay a stimulus).
  case show(StageScene)
  case releaseScent(ScentID, slot: CartridgeSlot, intensity: Int, durationMilliseconds: Int)
  case stopAllScents
  /// Run the diffuser's fan alone to clear the air after a release.
  case purgeAir(durationMilliseconds: Int)
  case startRecording(RecordingRequest)
  case stopRecording(RecordingRequest)
  case playSound(FeedbackSound)
  /// Append an event to the session log; values are text.
  case log(LoggedEvent)
  /// The thank-you scene is up; nothing more will happen.
  case sessionEnded
}
