import SpeechKit

/// How the coder writes the transcript in the editor: plain text as typed, or CHAT.
public enum TranscriptMode: String, CaseIterable, Hashable, Sendable, Codable {
  case plainText = "text"
  case chat

  /// The format the editor's text is read as.
  public var format: TranscriptFormat { self == .chat ? .chat : .plainText }

  /// The mode a draft of `format` opens in: CHAT stays CHAT; every other draft (ASR JSON, VTT,
  /// SRT, TextGrid, text) opens as text, because the editor shows its words, not its markup.
  public init(opening format: TranscriptFormat) {
    self = format == .chat ? .chat : .plainText
  }
}
