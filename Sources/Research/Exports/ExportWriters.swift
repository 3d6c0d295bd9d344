/// The formats `connectage export all` writes into one folder, in the order its summary names them.
///
/// A new format is a type conforming to ``ExportWriter`` and one line here.
public enum ExportWriters {
  public static let all: [any ExportWriter] = [CSVExport(), CHATExport(), TextGridExport(), AnalysisScript()]
}
