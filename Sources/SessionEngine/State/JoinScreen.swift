import SessionModel

/// What the join screen remembers besides the seats themselves.
struct JoinScreen: Hashable, Sendable {
  /// The seat the therapist picked with a digit; the next digit says where its pad goes.
  var selectedSeat: PlayerNumber?
  /// The seats outside the group the therapist was last warned about; the same seats are not warned twice.
  var warnedSeatsOutsideGroup: [PlayerNumber] = []
}
