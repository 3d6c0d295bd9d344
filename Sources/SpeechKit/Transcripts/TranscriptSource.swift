/// Where a transcript's words came from, so that an unreviewed draft never passes for a transcript.
///
/// Stored as `transcript_source` in the database and the exports. `asr` is a speech-recognition
/// draft nobody has checked; the other three are a person's work: `typed` plain text, `chat` a
/// CHAT or TextGrid transcript (aligned in CLAN or Praat), `reviewed` a draft a person corrected
/// (the review workstation writes it).
public enum TranscriptSource: String, Hashable, Sendable, Codable, CaseIterable {
  case asr
  case typed
  case chat
  case reviewed

  /// Whether a person wrote or checked the words: only such transcripts count by default.
  public var isReviewedByAPerson: Bool { self != .asr }

  /// The source a transcript in `format` has unless it says otherwise: ASR JSON and subtitles are
  /// machine output, plain text is typed, CHAT and TextGrid are a transcriber's.
  public init(format: TranscriptFormat) {
    switch format {
    case .asrJSON, .webVTT, .srt: self = .asr
    case .plainText: self = .typed
    case .chat, .textGrid: self = .chat
    }
  }
}
