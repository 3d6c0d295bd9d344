import Foundation
import Research
import SessionModel

/// What a finished session left behind.
public struct RunSummary: Sendable {
  public var session: SessionID
  /// The trials this run had to play: the planned session's, less those a resumed run had done.
  public var plannedTrials: Int
  /// The trials it started (a skipped one included), which fall short of those planned when the
  /// session ended early.
  public var trialsRun: Int
  /// The last trial started was still under way when the session ended (Esc and Enter, or a signal).
  public var lastTrialCutShort: Bool
  public var players: Int
  /// Answers recorded per speaker: the participant's code, or `player N` for a seat without one.
  public var speakers: [String: Int]
  public var events: Int
  public var recordings: [URL]
  /// Measures saved for the answers (one per recorded answer with a participant).
  public var measuredAnswers: Int
  public var releasedScents: Int
  public var frames: Int
  public var droppedFrames: Int
  public var exportDirectory: URL?
  /// The session's report beside the export (HTML, and PDF when Chromium printed it).
  public var report: ReportFile?
  /// The interrupted run this one picked up, and the planned trial it started at (1 = the first).
  public var resumed: (session: SessionID, atTrial: Int)?
  /// The signal (SIGINT or SIGTERM) that ended the session early, if one did.
  public var stoppedBySignal: Int32?
  /// The signal that came once the session had ended (in its thank-you, or while its answers were
  /// measured and exported): the run finished all of that, and the program stops now as asked.
  public var signalAfterTheEnd: Int32?
}
