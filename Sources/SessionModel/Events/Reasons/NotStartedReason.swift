/// Why Space on the join screen did not start the session (`session.notStarted`).
public enum NotStartedReason: String, Hashable, Sendable, CaseIterable, EventField {
  case noConfirmedPlayer
  /// Some seats are beyond the group's members; the next Space starts anyway.
  case seatsOutsideGroup
}
