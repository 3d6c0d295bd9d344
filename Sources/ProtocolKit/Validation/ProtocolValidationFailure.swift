import SessionModel

/// Every problem found in a file, in the order they appear, so a clinician can fix them all at once.
public struct ProtocolValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// Sorted by file, line and column; never empty.
  public var problems: [ProtocolProblem]
  /// The file could not be read at all (missing, a folder, not UTF-8): a runtime failure, not bad content.
  public var isUnreadableFile: Bool

  public init(problems: [ProtocolProblem], isUnreadableFile: Bool = false) {
    self.isUnreadableFile = isUnreadableFile
    self.problems = problems.sorted {
      ($0.location.file, $0.location.line, $0.location.column)
        < ($1.location.file, $1.location.line, $1.location.column)
    }
  }

  /// One problem per line.
  public func text(in language: Language) -> String {
    problems.map { $0.text(in: language) }.joined(separator: "\n")
  }

  public var description: String { text(in: .french) }
}
