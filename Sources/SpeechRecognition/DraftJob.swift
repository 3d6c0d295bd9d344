import Foundation
import SpeechKit

/// One recording to draft, and the question asked before it (matched against the draft's first
/// words), when known.
public struct DraftJob: Hashable, Sendable {
  public var recording: URL
  public var prompt: String?

  public init(recording: URL, prompt: String? = nil) {
    self.recording = recording
    self.prompt = prompt
  }
}

/// What became of one recording.
public struct DraftOutcome: Sendable {
  public enum Status: Sendable {
    /// A draft was written beside it.
    case drafted(DraftTranscript)
    /// It already had a transcript (a person's, or a draft from an earlier run): left alone.
    case alreadyTranscribed(URL)
    /// It could not be drafted; nothing was written.
    case failed(RecognitionError)
  }

  public var job: DraftJob
  public var status: Status
  /// Seconds the recognition took (0 when nothing was recognised).
  public var seconds: Double
}
