/// A column of an exported table: how the codebook describes it and how a row fills it.
///
/// Keeping both in one value is what guarantees the codebook lists exactly the columns written.
struct ExportColumn<Row>: Sendable {
  var entry: CodebookEntry
  var value: @Sendable (Row) -> String

  init(
    _ file: String, _ column: String, _ type: String, _ unit: String, _ definition: String,
    value: @escaping @Sendable (Row) -> String
  ) {
    entry = CodebookEntry(file: file, column: column, type: type, unit: unit, definition: definition)
    self.value = value
  }
}
