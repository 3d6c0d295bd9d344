import SessionModel

/// Something wrong in the editor's text, where it is (1-based line and column) and what to do.
public struct TranscriptProblem: Hashable, Sendable {
  public var line: Int
  public var column: Int
  public var message: LocalizedText

  public init(line: Int, column: Int, message: LocalizedText) {
    self.line = line
    self.column = column
    self.message = message
  }
}
