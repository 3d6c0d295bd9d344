/// Where in a file a problem sits: the path as the user gave it, a line and a column, both from 1.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and terminals turn into a link.
  public var description: String { "\(file):\(line):\(column)" }
}
