/// A coder's count of the memories an answer evoked, and how many of them are specific (one event
/// situated in time or place, after the Autobiographical Memory Test).
public struct MemoryCount: Hashable, Sendable {
  public var memories: Int
  /// Nil when the coding did not say (a coding sheet gives the count only).
  public var specific: Int?

  /// What the review page's fields offer (answer.html, max=99): a larger count is a slip, or a
  /// request that did not come from the page.
  public static let largest = 99

  public init(memories: Int, specific: Int?) {
    self.memories = memories
    self.specific = specific
  }

  /// Counts are from 0 to ``largest``, and the specific ones are among the memories.
  var isValid: Bool {
    (0...Self.largest).contains(memories) && (specific.map { (0...memories).contains($0) } ?? true)
  }
}
