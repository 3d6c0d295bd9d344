import Foundation

/// A coder's confirmed count of the memories evoked in one answer.
///
/// Codings are kept as a history: a second coder or a correction adds a coding, and exports use
/// the latest one.
public struct MemoryCoding: Hashable, Sendable {
  public var answer: AnswerKey
  /// A staff code or initials (`ORT1`), never a name; same rule as participant codes.
  public var coder: String
  public var codedAt: Date
  public var memories: Int

  public init(answer: AnswerKey, coder: String, codedAt: Date, memories: Int) {
    self.answer = answer
    self.coder = coder
    self.codedAt = codedAt
    self.memories = memories
  }
}
