/// Choices the clinical protocol makes for one analysis.
public struct SpeechTimingOptions: Equatable, Sendable {
  /// Shortest silence counted as a pause, in seconds (default 250 ms, Goldman-Eisler).
  public var minimumPause: Double
  /// When the stimulus appeared, in seconds from the start of the recording, for the latency.
  public var stimulusOnset: Double?
  /// Words spoken (from the transcript), for the speech and articulation rates.
  public var wordCount: Int?
  /// The marked end of the therapist's prompt, in seconds from the start of the recording: only
  /// the audio after it is analysed, as a recording started there would be. The detector cannot
  /// tell the therapist's voice from the patient's, so a recording that holds the prompt needs
  /// this mark (docs/PERFORMANCE.md).
  public var promptEnd: Double?

  public init(
    minimumPause: Double = 0.25, stimulusOnset: Double? = nil, wordCount: Int? = nil, promptEnd: Double? = nil
  ) {
    self.minimumPause = minimumPause
    self.stimulusOnset = stimulusOnset
    self.wordCount = wordCount
    self.promptEnd = promptEnd
  }
}
