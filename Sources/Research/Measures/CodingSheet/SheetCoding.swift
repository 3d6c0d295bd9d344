import Store
/// One filled row of a coding sheet: the memories a coder counted in one answer.
public struct SheetCoding: Hashable, Sendable {
  public var line: Int
  public var answer: AnswerKey
  public var memories: Int
  public var coder: String

  public init(line: Int, answer: AnswerKey, memories: Int, coder: String) {
    self.line = line
    self.answer = answer
    self.memories = memories
    self.coder = coder
  }
}
