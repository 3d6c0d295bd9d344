import SessionModel

/// Something wrong on one line of a coding sheet, and what to do about it.
public struct SheetProblem: Error, Hashable, Sendable {
  public var line: Int
  public var reason: LocalizedText

  public init(line: Int, reason: LocalizedText) {
    self.line = line
    self.reason = reason
  }

  /// `FILE:LINE: reason`, as compilers and `grep -n` write it.
  public func message(file: String) -> LocalizedText {
    LocalizedText(fr: "\(file):\(line): \(reason.french)", en: "\(file):\(line): \(reason.english)")
  }
}
