import SessionModel
import SpeechKit
import Store

/// One Praat TextGrid per counted answer (`textgrid/<session>/<trial>-<participant>.TextGrid`),
/// to open beside the WAV and check the stored measures by eye: the take `measures.csv` counts
/// (``ExportSnapshot/analysedAnswers``), not the takes a resumed run superseded.
///
/// Tiers, in order:
/// - `<code>`: the participant's words from the transcript beside the recording, every utterance
///   of the answer, placed by the exports' one timing rule (`AnswerTranscripts.intervals`):
///   utterances with their own times keep them; an untimed one joins the timed one before it (or
///   after it); a transcript without any time (typed text) is one interval over the measured
///   first-to-last-word span, or over the whole recording when no speech was measured.
/// - `<code>-words`, when the transcript has word times.
/// - `speech`, from the stored first-to-last-word span (`speech` inside, `silence` before and after).
/// - `pauses`: exactly the silent pauses `measures.csv` counts (`silent_pauses_n` intervals labelled
///   `pause`, summing to `silent_pauses_total_s`), at the stored threshold; present whenever the
///   answer was measured, even with no pause.
///
/// No transcript, no timing: the grid still spans the recording, so every answer has its file.
/// Interval tiers tile the grid from 0 to its end, as Praat requires.
public struct TextGridExport: ExportWriter {
  public init() {}

  public var readsTranscripts: Bool { true }

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    let measures = snapshot.measuresByAnswer
    let recordings = snapshot.countedRecordings
    return recordings.keys.sorted().map { key in
      let grid = textGrid(recording: recordings[key]!, measures: measures[key], transcript: snapshot.transcripts[key])
      return ExportedFile(
        name: Self.folder(of: key.session) + "\(key.trial.rawValue)-\(key.participant.rawValue).TextGrid",
        contents: TextGridWriter.text(of: grid), rowCount: grid.tiers.count)
    }
  }

  public func folders(for snapshot: ExportSnapshot) -> [String] { snapshot.sessions.map { Self.folder(of: $0.id) } }

  static func folder(of session: SessionID) -> String { "textgrid/\(session.rawValue)/" }

  /// `22 TextGrid`.
  public func summary(of files: [ExportedFile]) -> LocalizedText {
    LocalizedText(fr: "\(files.count) TextGrid", en: "\(files.count) TextGrid(s)")
  }

  func textGrid(recording: Recording, measures: AnswerMeasures?, transcript: Transcript?) -> TextGrid {
    let speech = AnswerTranscripts.measuredSpeech(measures).map { [$0] } ?? []
    let spoken = transcript.map { AnswerTranscripts.answer(in: $0, as: recording.participant.rawValue) } ?? []
    let utterances = AnswerTranscripts.intervals(
      of: spoken, measures: measures, recordingDuration: recording.durationSeconds
    ).flatMap(\.timedUtterances)
    let pauses = Self.pauses(counted: measures, words: utterances.flatMap(\.words))
    // Praat shows an empty label as nothing at all; a researcher scanning the tier wants "silence".
    return TextGridWriter.textGrid(
      for: Transcript(format: .chat, utterances: utterances), speechSegments: speech, pauses: pauses ?? [],
      duration: recording.durationSeconds, silenceLabel: "silence", keepingEmptyPausesTier: pauses != nil)
  }

  /// The pauses `measures.csv` counts for this answer: those stored with the measures; for an
  /// answer measured before they were stored, the gaps between its timed words at the stored
  /// threshold when they agree with the stored count. `nil` when they cannot be shown exactly.
  static func pauses(counted measures: AnswerMeasures?, words: [TimedWord]) -> [(start: Double, end: Double)]? {
    guard let measures else { return nil }
    // Before the count: an answer without speech keeps its (empty) stored pauses, its count missing.
    if let stored = measures.pauseIntervals { return stored.map { ($0.start, $0.end) } }
    guard let count = measures.pauseCount else { return nil }
    if count == 0 { return [] }
    let sorted = words.sorted { $0.start < $1.start }
    let threshold = Double(measures.pauseThresholdMilliseconds) / 1000
    let (first, last) = (measures.firstWordOnsetSeconds ?? -.infinity, measures.lastWordOffsetSeconds ?? .infinity)
    let gaps = zip(sorted, sorted.dropFirst()).map { (start: $0.end, end: $1.start) }
      .filter { PauseStatistics.isPause($0.end - $0.start, threshold: threshold) }
      .filter { $0.start >= first - 1e-9 && $0.end <= last + 1e-9 }
    return gaps.count == count ? gaps : nil
  }
}
