import SessionModel

/// Why a transcript file could not be read, and where: file, line and column (1-based).
public struct TranscriptReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file name as given to the reader (`<entrée>` when reading bytes without a file).
  public var file: String
  public var line: Int
  public var column: Int
  /// What is wrong and what to do, French first.
  public var reason: LocalizedText

  public init(file: String, line: Int, column: Int, reason: LocalizedText) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `file:line:column: reason`, in the given language.
  public func message(in language: Language) -> String {
    "\(file):\(line):\(column): \(reason.text(in: language))"
  }

  public var description: String { message(in: .french) }
}
