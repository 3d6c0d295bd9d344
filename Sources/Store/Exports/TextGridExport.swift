import SessionModel
import SpeechKit

/// One Praat TextGrid per recorded answer (`textgrid/<session>/<trial>-<participant>.TextGrid`),
/// to open beside the WAV and check the stored measures by eye.
///
/// Tiers, in order: the participant's utterances and `<code>-words` when the transcript beside
/// the recording has times; `speech`, from the stored first-to-last-word span (`speech` inside,
/// `silence` before and after); `pauses`, the gaps between consecutive timed words inside that
/// span at least as long as the stored pause threshold. No transcript, no timing: the grid still spans the
/// recording, so every answer has its file.
public struct TextGridExport: ExportWriter {
  public init() {}

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    let measures = snapshot.measuresByAnswer
    return snapshot.recordings.keys.sorted().map { key in
      let grid = textGrid(
        recording: snapshot.recordings[key]!, measures: measures[key], transcript: snapshot.transcripts[key])
      return ExportedFile(
        name: "textgrid/\(key.session.rawValue)/\(key.trial.rawValue)-\(key.participant.rawValue).TextGrid",
        contents: TextGridWriter.text(of: grid), rowCount: grid.tiers.count)
    }
  }

  func textGrid(recording: Recording, measures: AnswerMeasures?, transcript: Transcript?) -> TextGrid {
    let utterances = AnswerTranscripts.timed(
      transcript.map { AnswerTranscripts.answer(in: $0, as: recording.participant.rawValue) } ?? [], by: measures)
    let words = utterances.flatMap(\.words).sorted { $0.start < $1.start }
    var speech: [(start: Double, end: Double)] = []
    if let first = measures?.firstWordOnsetSeconds, let last = measures?.lastWordOffsetSeconds, last > first {
      speech = [(first, last)]
    }
    let threshold = Double(measures?.pauseThresholdMilliseconds ?? 250) / 1000
    // Pauses count inside the first-to-last-word span only (a filler before the first word is not one).
    let span = speech.first ?? (start: -Double.infinity, end: Double.infinity)
    let pauses = zip(words, words.dropFirst()).map { (start: $0.end, end: $1.start) }
      .filter { $0.end - $0.start >= threshold - 1e-9 && $0.start >= span.start - 1e-9 && $0.end <= span.end + 1e-9 }
    // Praat shows an empty label as nothing at all; a researcher scanning the tier wants "silence".
    return TextGridWriter.textGrid(
      for: Transcript(format: .chat, utterances: utterances), speechSegments: speech, pauses: pauses,
      duration: recording.durationSeconds, silenceLabel: "silence")
  }
}
