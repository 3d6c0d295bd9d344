/// The file formats a transcript can be read from.
public enum TranscriptFormat: String, Hashable, Sendable, Codable, CaseIterable {
  case chat
  case textGrid = "textgrid"
  case plainText = "text"
  case asrJSON = "asr-json"
  case webVTT = "webvtt"
  case srt
}
