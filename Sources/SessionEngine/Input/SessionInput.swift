import SessionModel

/// Something that happened outside the engine: a key, a pad, time passing, or a device's answer.
public enum SessionInput: Hashable, Sendable {
  /// The therapist pressed a key.
  case `operator`(OperatorAction)
  /// A gamepad did something.
  case pad(PadInput)
  /// Time passed; sent regularly (10 Hz is plenty) so timers can fire.
  case tick
  /// The diffuser confirmed a release, with its real start and end and the time its
  /// acknowledgement arrived, on the monotonic clock.
  case scentReleased(ScentID, startedAt: UInt64, endsAt: UInt64, acknowledgedAt: UInt64)
  /// The diffuser (or its safety check) refused a release: nothing was released.
  case scentRefused(ScentID, reason: LocalizedText)
  /// The release was sent but its answer never came (timeout, link lost): the device may have
  /// released. A ``scentReleasedLate(_:startedAt:endsAt:acknowledgedAt:)`` may still follow.
  case scentUnconfirmed(ScentID, reason: LocalizedText)
  /// The diffuser acknowledged, after all, a release it had reported unconfirmed.
  case scentReleasedLate(ScentID, startedAt: UInt64, endsAt: UInt64, acknowledgedAt: UInt64)
  /// The Stage presented a stimulus on screen at this monotonic time (the frame flip).
  case stimulusPresented(StimulusID, at: UInt64)
  /// The recorder could not record; the session goes on without it.
  case recordingFailed(LocalizedText)
  /// The computer asked the program to stop: the session ends at once, as a confirmed end does,
  /// with its own reason in the log (no key was pressed).
  case stopRequested
}

extension SessionInput {
  /// Closing the window: the end of the session asked and confirmed, as Esc then Enter would, after
  /// a first Esc for a seat picked on the join screen, which Esc only lets go of (when none is
  /// picked, the second Esc meets the question already asked and changes nothing).
  public static let windowClosed: [SessionInput] = [.operator(.end), .operator(.end), .operator(.confirm)]
}
