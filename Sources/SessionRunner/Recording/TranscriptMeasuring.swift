import SpeechKit
import Store

/// Word counts, ideas and memories of a typed transcript, added to an answer's measures.
enum TranscriptMeasuring {
  static func fill(_ measures: inout AnswerMeasures, from text: String, named name: String) {
    // Filled in when the transcript analysis lands in SpeechKit.
  }
}
