/// One file an export produces: its name inside the export folder and its full text.
public struct ExportedFile: Hashable, Sendable {
  public var name: String
  public var contents: String
  /// Data rows, header excluded; for the command's summary.
  public var rowCount: Int

  public init(name: String, contents: String, rowCount: Int) {
    self.name = name
    self.contents = contents
    self.rowCount = rowCount
  }
}
