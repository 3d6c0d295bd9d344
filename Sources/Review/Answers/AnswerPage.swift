import SpeechKit
import Store

/// Everything the answer page shows at once: the answer as this coder may see it (blind), its
/// place in the queue, the recording's waveform and detected speech, and the transcript in the
/// editor with its live analysis.
public struct AnswerPage: Hashable, Sendable {
  public var view: ReviewAnswerView
  /// 1-based place in the blind queue, and the queue's length.
  public var position: Int
  public var total: Int
  /// The neighbouring answers in the queue, for previous and next.
  public var previous: String?
  public var next: String?
  public var waveform: WaveformPeaks
  /// Speech the automatic analysis found, first word to last with its pauses left out.
  public var speech: [SpeechSegment]
  /// What the editor opens with, in the mode it opens in, and the format of the draft it came from.
  public var transcript: String
  public var mode: TranscriptMode
  public var draftFormat: TranscriptFormat?
  /// A speech-recognition draft's words the recogniser was unsure of, to check first.
  public var uncertainWords: [UncertainWord] = []
  public var analysis: TranscriptAnalysis
  /// False on a central review: the transcript is shown read only, because it is corrected at the
  /// recording's site, which syncs it; timings, codings and consensus are still saved here.
  public var transcriptEditable = true
}
