/// A coder's count of the memories an answer evoked, and how many of them are specific (one event
/// situated in time or place, after the Autobiographical Memory Test).
public struct MemoryCount: Hashable, Sendable {
  public var memories: Int
  /// Nil when the coding did not say (a coding sheet gives the count only).
  public var specific: Int?

  public init(memories: Int, specific: Int?) {
    self.memories = memories
    self.specific = specific
  }

  /// Counts are whole, not negative, and the specific ones are among the memories.
  var isValid: Bool {
    memories >= 0 && (specific.map { (0...memories).contains($0) } ?? true)
  }
}
