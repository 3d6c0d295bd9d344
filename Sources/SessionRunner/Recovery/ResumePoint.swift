import SessionModel

/// Where an interrupted session picks up: the first trial that no earlier run of it finished.
public struct ResumePoint: Hashable, Sendable {
  /// The latest run, closed as interrupted.
  public var interruptedSession: SessionID
  /// Index in the planned trials; equal to their count when every trial was finished.
  public var trialIndex: Int
}
