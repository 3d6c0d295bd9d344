import Foundation
import SessionModel
import SpeechKit

/// The coding sheet for memories: one row per measured answer, for coders to fill in a
/// spreadsheet and give back (``MemoryCodingSheet/read(_:knownAnswers:defaultCoder:)``).
///
/// The sheet keeps coders blind to the cue condition: it has no condition, stimulus, scent or game
/// column, and its rows are shuffled in a fixed order (by a hash of the answer) rather than listed
/// in trial order, which would follow the protocol's counterbalancing.
public struct MemoryCodingSheet: Sendable {
  /// The columns, in file order; coders fill `memories_n` and `coder` only.
  public static let columns = [
    "session_id", "trial_id", "participant_code", "recording", "transcript", "memories_auto_n", "memories_auto",
    "memories_n", "coder",
  ]

  public var rows: [Row]

  /// One answer to code.
  public struct Row: Hashable, Sendable {
    public var answer: AnswerKey
    /// The recording's stored path, for a coder who listens.
    public var recording: String
    /// The participant's utterances, one per line; `nil` when no transcript sits beside the recording.
    public var transcript: String?
    public var automaticCount: Int?
    /// The automatic pre-coding's episodes (`mem-fr-rules-1.0`), as a hint for the coder.
    public var automatic: [EvokedMemory]

    var fields: [String] {
      [
        answer.session.rawValue, answer.trial.rawValue, answer.participant.rawValue, recording, transcript ?? "",
        automaticCount.map(String.init) ?? "",
        automatic.enumerated().map { "\($0 + 1). [\($1.specificity.rawValue)] \($1.text)" }.joined(separator: "\n"),
        "", "",
      ]
    }
  }

  /// The sheet of every measured answer of `session` (or of `study`, or all), in blind order.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` naming the file, line and column.
  public init(database: SessionDatabase, session: SessionID? = nil, study: StudyID? = nil) throws {
    let sessions: Set<SessionID>? =
      if let session { [session] } else if let study {
        Set(try database.sessions.fetchAll(study: study).map(\.id))
      } else {
        nil
      }
    let measured = try database.measures.fetchAll(in: session).filter { sessions?.contains($0.answer.session) ?? true }
    let recordings = try Self.recordings(in: database)
    rows = try measured.map { measures in
      let recording = recordings[measures.answer]
      let transcript = try recording.flatMap { try Self.transcript(of: $0, in: database) }
      let row = Row(
        answer: measures.answer, recording: recording?.path ?? "",
        transcript: transcript.map { Self.answer(in: $0, of: measures.answer).map(\.text).joined(separator: "\n") },
        automaticCount: measures.automaticMemories,
        automatic: transcript.map { Self.automaticCoding(of: $0, for: measures.answer).automatic } ?? [])
      return (order: Self.blindOrder(measures.answer), row: row)
    }
    .sorted { $0.order < $1.order }.map(\.row)
  }

  /// The sheet as CSV, in the dialect of every export.
  public var csv: String {
    CSVText.line(Self.columns) + rows.map { CSVText.line($0.fields) }.joined()
  }

  /// The automatic pre-coding of the answer a coder codes, measured as the answer was filed
  /// (the answering speaker), so its count is `memories_auto_n`.
  static func automaticCoding(of transcript: Transcript, for answer: AnswerKey) -> MemoryCoding {
    let speaker = AnswerTranscripts.speaker(in: transcript, participant: answer.participant.rawValue)
    return speaker.map { TranscriptMeasures.measure(transcript, speaker: $0).memories } ?? MemoryCoding(automatic: [])
  }

  /// The answering speaker's utterances, as the coder reads them.
  static func answer(in transcript: Transcript, of answer: AnswerKey) -> [Utterance] {
    AnswerTranscripts.speaker(in: transcript, participant: answer.participant.rawValue)
      .map { transcript.utterances(of: $0) } ?? []
  }

  static func recordings(in database: SessionDatabase) throws -> [AnswerKey: Recording] {
    Dictionary(try database.recordings.fetchAll().map { ($0.answer, $0) }, uniquingKeysWith: { first, _ in first })
  }

  static func transcript(of recording: Recording, in database: SessionDatabase) throws -> Transcript? {
    try AnswerTranscripts.beside(database.recordingFile(atStoredPath: recording.path))?.transcript
  }

  /// A fixed order unrelated to trial order: the same sheet every time, no protocol visible.
  private static func blindOrder(_ answer: AnswerKey) -> String {
    SHA256.hexDigest(of: Array("\(answer.session)/\(answer.trial)/\(answer.participant)".utf8))
  }
}
