import SessionModel

/// The part of a transcript that is one answer's own speech, its times checked against the
/// answer's recording before anything is measured.
public struct AnswerSpeech: Hashable, Sendable {
  /// The speaker whose speech counts (``AnswerSpeaker``), or nil when the transcript has none.
  public var speaker: String?
  /// That speaker's utterances.
  public var utterances: [Utterance]

  /// How far past the recording's end a time may lie and still be on its clock: CHAT bullets are
  /// whole milliseconds and TextGrids print rounded decimals.
  public static let clockTolerance = 0.05

  /// Checks every time in `transcript` against a recording of `recordingDuration` seconds, then
  /// picks the answering speaker's utterances.
  ///
  /// - Throws: ``TranscriptReadError`` naming the file (and line when known) when a time is not
  ///   finite, negative, inverted or past the recording's end (a session transcript on another
  ///   clock), when the speaker's utterances belong to several trials (gems), or as
  ///   ``AnswerSpeaker/choose(in:participant:chosen:file:)``.
  public static func select(
    in transcript: Transcript, file: String, recordingDuration: Double, participant: String? = nil,
    chosen: String? = nil
  ) throws(TranscriptReadError) -> AnswerSpeech {
    for utterance in transcript.utterances {
      try check(utterance, file: file, recordingDuration: recordingDuration)
    }
    let speaker = try AnswerSpeaker.choose(in: transcript, participant: participant, chosen: chosen, file: file)
    let utterances = speaker.map { transcript.utterances(of: $0) } ?? []
    var gems: [String] = []
    for utterance in utterances {
      guard let label = utterance.gem?.label, !gems.contains(label) else { continue }
      gems.append(label)
      if gems.count > 1 {
        throw TranscriptReadError(
          file: file, line: utterance.line ?? 1, column: 1,
          reason: LocalizedText(
            fr:
              "cette transcription contient les réponses de \(speaker ?? "") à plusieurs essais (@G: \(gems.joined(separator: ", "))…) : mesurez chaque réponse depuis un fichier qui ne garde que les lignes de son essai",
            en:
              "this transcript holds \(speaker ?? "")'s answers to several trials (@G: \(gems.joined(separator: ", "))…): measure each answer from a file holding only its own trial's lines"
          ))
      }
    }
    return AnswerSpeech(speaker: speaker, utterances: utterances)
  }

  private static func check(_ utterance: Utterance, file: String, recordingDuration: Double) throws(TranscriptReadError)
  {
    let spans = [(utterance.start, utterance.end, utterance.text)] + utterance.words.map { ($0.start, $0.end, $0.text) }
    for (start, end, text) in spans {
      for time in [start, end].compactMap({ $0 }) {
        guard time.isFinite, time >= 0, time <= recordingDuration + clockTolerance else {
          throw outside(utterance, text: text, time: time, recordingDuration: recordingDuration, file: file)
        }
      }
      if let start, let end, end < start {
        throw TranscriptReadError(
          file: file, line: utterance.line ?? 1, column: 1,
          reason: LocalizedText(
            fr:
              "« \(text) » (\(utterance.speaker)) finit à \(end) s, avant son début à \(start) s ; corrigez ses temps",
            en: "'\(text)' (\(utterance.speaker)) ends at \(end) s, before it starts at \(start) s; fix its times"))
      }
    }
  }

  private static func outside(
    _ utterance: Utterance, text: String, time: Double, recordingDuration: Double, file: String
  ) -> TranscriptReadError {
    TranscriptReadError(
      file: file, line: utterance.line ?? 1, column: 1,
      reason: LocalizedText(
        fr:
          "« \(text) » (\(utterance.speaker)) est daté à \(time) s, hors de l'enregistrement (0 à \(recordingDuration) s) : les temps doivent suivre l'horloge de l'enregistrement de cette réponse",
        en:
          "'\(text)' (\(utterance.speaker)) is timed at \(time) s, outside the recording (0 to \(recordingDuration) s): times must follow the clock of this answer's recording"
      ))
  }
}
