/// One column of an exported file, described for the analyst who opens it in R or a spreadsheet.
public struct CodebookEntry: Hashable, Sendable {
  public var file: String
  public var column: String
  /// `text`, `integer`, `decimal`, `date` (YYYY-MM-DD) or `datetime` (ISO 8601, UTC).
  public var type: String
  /// Empty when the value has no unit.
  public var unit: String
  public var definition: String

  public init(file: String, column: String, type: String, unit: String, definition: String) {
    self.file = file
    self.column = column
    self.type = type
    self.unit = unit
    self.definition = definition
  }

  /// `entries` as a codebook file: a header, then one line per column.
  static func csv(_ entries: [CodebookEntry]) -> String {
    CSVText.line(["file", "column", "type", "unit", "definition"])
      + entries.map { CSVText.line([$0.file, $0.column, $0.type, $0.unit, $0.definition]) }.joined()
  }
}
