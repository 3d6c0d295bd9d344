/// Why a pad could not take a seat (`join.refused`).
public enum JoinRefusalReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// Every seat or every avatar is taken.
  case full
}
