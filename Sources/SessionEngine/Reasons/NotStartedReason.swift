/// Why Space on the join screen did not start the session (`session.notStarted`).
enum NotStartedReason: String, LoggedReason {
  case noConfirmedPlayer
  /// Some seats are beyond the group's members; the next Space starts anyway.
  case seatsOutsideGroup
}
