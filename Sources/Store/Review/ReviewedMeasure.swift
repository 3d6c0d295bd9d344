import SessionModel

/// A measure two coders can each give an answer, and on which they can record a consensus.
public enum ReviewedMeasure: String, CaseIterable, Hashable, Sendable, Codable {
  /// Autobiographical memories (count), from the memory coding.
  case memories
  /// Of those, the specific ones (count).
  case specificMemories = "specific_memories"
  /// Countable words of the coder's transcript.
  case words
  /// First-word onset (s), from the reviewed timing.
  case onset
  /// Last-word offset (s), from the reviewed timing.
  case offset

  /// Counts are whole numbers; times are seconds.
  public var isCount: Bool {
    switch self {
    case .memories, .specificMemories, .words: true
    case .onset, .offset: false
    }
  }

  /// The largest value a count of this measure can take: a coder's own memory count is at most
  /// ``MemoryCount/largest``, so an agreed one is too; words have no such bound, only a sane one.
  var largestCount: Int {
    switch self {
    case .memories, .specificMemories: MemoryCount.largest
    case .words, .onset, .offset: 1_000_000
    }
  }

  /// Which kind of save gives a coder's value of this measure, which is also what a coder must
  /// have saved before seeing the other coder's values of it.
  public var savedWith: ReviewSaveKind {
    switch self {
    case .memories, .specificMemories: .memories
    case .words: .transcript
    case .onset, .offset: .timing
    }
  }
}

/// What one review save records.
public enum ReviewSaveKind: String, CaseIterable, Hashable, Sendable {
  case transcript
  case timing
  case memories
  case consensus

  /// The event a save of this kind appends to the log.
  func event(_ change: ReviewChange) -> ReviewLogEvent {
    switch self {
    case .transcript: .transcriptSaved(change)
    case .timing: .timingSaved(change)
    case .memories: .memoriesCoded(change)
    case .consensus: .consensusSaved(change)
    }
  }
}
