import SessionModel
import Store

/// The tables a statistician opens first: `measures.csv` (one row per participant x planned trial,
/// the take ``AnswerSelection`` chooses), `events.csv` (the event log, redacted by ``EventRedaction``),
/// `codebook.csv` (every column of both, with type, unit and definition) and `event_types.csv`
/// (every event type the log may hold, with its payload keys: ``EventTypesTable``) and
/// `attendance.csv` (who was present, absent and why, or left early, at each planned session) and
/// `participation.csv` (each present participant x presented trial, answered or not: ``Participation``).
public struct CSVExport: ExportWriter {
  public init() {}

  public var readsTranscripts: Bool { false }

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    try snapshot.requireKnownTrials()
    let rows = snapshot.analysedAnswers
    return [
      table(Codebook.measuresFile, Codebook.measureColumns, rows),
      table(Codebook.eventsFile, Codebook.eventColumns, snapshot.events),
      table(Codebook.attendanceFile, Codebook.attendanceColumns, snapshot.attendance),
      table(Codebook.participationFile, Codebook.participationColumns, snapshot.participation),
      codebook(),
      EventTypesTable.file,
    ]
  }

  /// `measures.csv (22 lignes), events.csv, codebook.csv, event_types.csv`.
  public func summary(of files: [ExportedFile]) -> LocalizedText {
    let rows = files.first { $0.name == Codebook.measuresFile }?.rowCount ?? 0
    let others =
      "\(Codebook.eventsFile), \(Codebook.attendanceFile), \(Codebook.participationFile), \(Codebook.codebookFile), \(EventTypesTable.fileName)"
    return LocalizedText(
      fr: "\(Codebook.measuresFile) (\(rows) lignes), \(others)",
      en: "\(Codebook.measuresFile) (\(rows) rows), \(others)")
  }

  /// Reads `database` (one study, or all) and writes the four files into `directory`.
  @discardableResult
  public func write(from database: SessionDatabase, study: StudyID? = nil, to directory: String) throws
    -> [ExportedFile]
  {
    let files = try files(for: ExportSnapshot.load(from: database, study: study))
    try ExportDirectory(path: directory).write(files)
    return files
  }

  private func table<Row>(_ name: String, _ columns: [ExportColumn<Row>], _ rows: [Row]) -> ExportedFile {
    var text = CSVText.line(columns.map(\.entry.column))
    for row in rows {
      text += CSVText.line(columns.map { $0.value(row) })
    }
    return ExportedFile(name: name, contents: text, rowCount: rows.count)
  }

  private func codebook() -> ExportedFile {
    ExportedFile(
      name: Codebook.codebookFile, contents: CodebookEntry.csv(Codebook.entries), rowCount: Codebook.entries.count)
  }
}
