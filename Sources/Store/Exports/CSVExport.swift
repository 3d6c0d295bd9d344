import SessionModel

/// The tables a statistician opens first: `measures.csv` (one row per participant x session x
/// trial), `events.csv` (the event log) and `codebook.csv` (every column of both, with type, unit
/// and definition).
public struct CSVExport: ExportWriter {
  public init() {}

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    let rows = try measureRows(snapshot)
    return [
      table(Codebook.measuresFile, Codebook.measureColumns, rows),
      table(Codebook.eventsFile, Codebook.eventColumns, snapshot.events),
      codebook(),
    ]
  }

  /// Reads `database` (one study, or all) and writes the three files into `directory`.
  @discardableResult
  public func write(from database: SessionDatabase, study: StudyID? = nil, to directory: String) throws
    -> [ExportedFile]
  {
    let files = try files(for: ExportSnapshot.load(from: database, study: study))
    try ExportDirectory(path: directory).write(files)
    return files
  }

  private func measureRows(_ snapshot: ExportSnapshot) throws -> [MeasureRow] {
    let sessions = Dictionary(uniqueKeysWithValues: snapshot.sessions.map { ($0.id, $0) })
    let order = Dictionary(uniqueKeysWithValues: snapshot.sessions.enumerated().map { ($1.id, $0) })
    let rows = try snapshot.measures.map { measures in
      let answer = measures.answer
      guard let session = sessions[answer.session],
        let trial = session.trials.first(where: { $0.id == answer.trial })
      else { throw StoreError.unknownTrial(answer.session, answer.trial) }
      return MeasureRow(
        session: session, trial: trial, group: session.group.flatMap { snapshot.groups[$0] }, measures: measures,
        recording: snapshot.recordings[answer], coding: snapshot.latestCodings[answer])
    }
    // Sessions in date order, then trials in session order, then participants by code.
    return rows.sorted {
      (order[$0.session.id]!, $0.trial.number, $0.measures.answer.participant)
        < (order[$1.session.id]!, $1.trial.number, $1.measures.answer.participant)
    }
  }

  private func table<Row>(_ name: String, _ columns: [ExportColumn<Row>], _ rows: [Row]) -> ExportedFile {
    var text = CSVText.line(columns.map(\.entry.column))
    for row in rows {
      text += CSVText.line(columns.map { $0.value(row) })
    }
    return ExportedFile(name: name, contents: text, rowCount: rows.count)
  }

  private func codebook() -> ExportedFile {
    var text = CSVText.line(["file", "column", "type", "unit", "definition"])
    for entry in Codebook.entries {
      text += CSVText.line([entry.file, entry.column, entry.type, entry.unit, entry.definition])
    }
    return ExportedFile(name: Codebook.codebookFile, contents: text, rowCount: Codebook.entries.count)
  }
}
