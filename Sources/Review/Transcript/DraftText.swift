import SpeechKit

/// A draft the editor cannot edit as written (ASR JSON, WebVTT, SRT, TextGrid) turned into the
/// editor's plain text: one utterance a line, in the notation the plain-text reader reads back
/// unchanged, so a coder corrects the words, not the markup.
enum DraftText {
  static func plainText(of transcript: Transcript) -> String {
    let speakers = Set(transcript.utterances.map(\.speaker))
    return transcript.utterances.map { utterance in
      // One speaker: no prefix, the plain-text reader's default speaker takes the words.
      speakers.count > 1 ? "\(utterance.speaker): \(utterance.text)" : utterance.text
    }
    .joined(separator: "\n")
  }
}
