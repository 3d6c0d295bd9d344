import SessionModel

/// Why some measures of an answer are missing rather than counted: a missing measure is never 0.
///
/// The raw value is the code exported in `measures_missing_reason` (codes joined by `;`).
public enum MissingMeasureReason: String, Hashable, Sendable, Codable, CaseIterable {
  /// No transcript beside the recording: words, ideas and memories are missing.
  case noTranscript = "no_transcript"
  /// The transcript has no utterance of the answering speaker (an empty TextGrid, only the
  /// investigator's prompt): words, ideas and memories are missing.
  case noSpeechOfSpeaker = "no_speech_of_speaker"
  /// Neither word times nor the audio show any speech: the timing measures are missing.
  case noSpeechInRecording = "no_speech_in_recording"
  /// A stored value is not a number (infinity, or a count too large for one): only an edit of the
  /// database behind ConnectAge's back can do that; the Store reads it as missing.
  case storedValueNotANumber = "stored_value_not_a_number"

  /// What the code means, for messages.
  public var explanation: LocalizedText {
    switch self {
    case .noTranscript:
      LocalizedText(
        fr: "aucune transcription à côté de l'enregistrement : mots, idées et souvenirs manquants",
        en: "no transcript beside the recording: words, ideas and memories missing")
    case .noSpeechOfSpeaker:
      LocalizedText(
        fr: "la transcription ne contient aucun énoncé du locuteur qui répond : mots, idées et souvenirs manquants",
        en: "the transcript holds no utterance of the answering speaker: words, ideas and memories missing")
    case .noSpeechInRecording:
      LocalizedText(
        fr: "aucune parole détectée dans l'enregistrement : temps de parole et pauses manquants",
        en: "no speech found in the recording: speech timing and pauses missing")
    case .storedValueNotANumber:
      LocalizedText(
        fr: "une valeur enregistrée n'est pas un nombre : lancez « connectage db check »",
        en: "a stored value is not a number: run 'connectage db check'")
    }
  }

  /// The codes as exported: `no_transcript;no_speech_in_recording`, or nil when nothing is missing.
  public static func code(of reasons: [MissingMeasureReason]) -> String? {
    reasons.isEmpty ? nil : reasons.map(\.rawValue).joined(separator: ";")
  }
}
