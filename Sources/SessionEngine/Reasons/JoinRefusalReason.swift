/// Why a pad could not take a seat (`join.refused`).
enum JoinRefusalReason: String, LoggedReason {
  /// Every seat or every avatar is taken.
  case full
}
