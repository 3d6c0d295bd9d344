/// How specific an evoked memory is, after the Autobiographical Memory Test tradition.
public enum MemorySpecificity: String, Hashable, Sendable, Codable, CaseIterable {
  /// One event situated in time or place ("le jour de mon mariage").
  case specific
  /// A repeated or extended period or habit ("quand j'étais petite, on allait…").
  case general
}
