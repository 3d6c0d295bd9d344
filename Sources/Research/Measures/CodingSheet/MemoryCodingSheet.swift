import Foundation
import SessionModel
import SpeechKit
import Store

/// The coding sheet for memories: one row per analysed answer (the take ``AnswerSelection``
/// counts), for coders to fill in a spreadsheet and give back
/// (``MemoryCodingSheet/read(_:answers:defaultCoder:)``).
///
/// The sheet keeps coders blind to the cue condition. A row names its answer by an opaque id, a
/// keyed hash only the database can map back (``CodingSheetKey``): no session, trial, participant,
/// stimulus, condition, scent, game or recording path is on the sheet, and rows are in the order
/// of their ids, not in trial order, which would follow the protocol's counterbalancing. Coders
/// work from the transcript.
public struct MemoryCodingSheet: Sendable {
  /// The columns, in file order; coders fill `memories_n` and `coder` only.
  public static let columns = ["answer_id", "transcript", "memories_auto_n", "memories_auto", "memories_n", "coder"]

  public var rows: [Row]

  /// One answer to code.
  public struct Row: Hashable, Sendable {
    /// The answer's opaque id on the sheet.
    public var id: String
    /// The answer itself; never written on the sheet.
    public var answer: AnswerKey
    /// The participant's utterances, one per line; `nil` when no transcript sits beside the recording.
    public var transcript: String?
    public var automaticCount: Int?
    /// The automatic pre-coding's episodes (`mem-fr-rules-1.5`), as a hint for the coder.
    public var automatic: [EvokedMemory]

    var fields: [String] {
      [
        id, CSVText.spreadsheetText(transcript ?? ""), automaticCount.map(String.init) ?? "",
        automatic.enumerated().map { "\($0 + 1). [\($1.specificity.rawValue)] \($1.text)" }.joined(separator: "\n"),
        "", "",
      ]
    }
  }

  /// The sheet of every analysed answer of `session` (or of `study`, or all), in blind order.
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` naming the file, line and column.
  public init(database: SessionDatabase, session: SessionID? = nil, study: StudyID? = nil) throws {
    // One run's answers are chosen among every run of its planned session (same study and group),
    // so a take another run superseded is not coded.
    let run = try session.flatMap { try database.sessions.fetch($0) }
    let snapshot =
      if let run {
        try ExportSnapshot.load(from: database, study: run.study, group: run.group)
      } else {
        try ExportSnapshot.load(from: database, study: study, session: session)
      }
    let key = try CodingSheetKey.of(database)
    let analysed = snapshot.analysedAnswers.filter {
      session == nil || $0.answer.session == session
    }
    rows = try analysed.map { analysed in
      let transcript = try analysed.recording.flatMap { try Self.transcript(of: $0, in: database) }
      return Row(
        id: key.answerID(analysed.answer), answer: analysed.answer,
        transcript: transcript.map {
          AnswerTranscripts.answer(in: $0, as: analysed.answer.participant.rawValue).map(\.text)
            .joined(separator: "\n")
        },
        automaticCount: analysed.measures.automaticMemories,
        automatic: transcript.map { Self.automaticCoding(of: $0, for: analysed.answer).automatic } ?? [])
    }
    .sorted { $0.id < $1.id }
  }

  /// The opaque id of every measured answer in the database, for reading a filled sheet back.
  public static func answerIDs(in database: SessionDatabase) throws -> [String: AnswerKey] {
    let key = try CodingSheetKey.of(database)
    return Dictionary(try database.measures.fetchAll().map { (key.answerID($0.answer), $0.answer) }) { first, _ in first
    }
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

  static func recordings(in database: SessionDatabase) throws -> [AnswerKey: Recording] {
    Dictionary(try database.recordings.fetchAll().map { ($0.answer, $0) }, uniquingKeysWith: { first, _ in first })
  }

  static func transcript(of recording: Recording, in database: SessionDatabase) throws -> Transcript? {
    try AnswerTranscripts.beside(database.recordingFile(atStoredPath: recording.path))?.transcript
  }
}
