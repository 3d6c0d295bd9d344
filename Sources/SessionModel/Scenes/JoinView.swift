/// The join screen: each pad that pressed a button has a seat and browses avatars.
public struct JoinView: Hashable, Sendable, Codable {
  public var seats: [JoinSeat]
  /// The seat the therapist picked with a digit to move its pad; the next digit names the seat it goes to.
  public var selectedSeat: PlayerNumber?

  public init(seats: [JoinSeat], selectedSeat: PlayerNumber? = nil) {
    self.seats = seats
    self.selectedSeat = selectedSeat
  }
}

/// One pad on the join screen.
public struct JoinSeat: Hashable, Sendable, Codable {
  public var number: PlayerNumber
  public var pad: PadID
  /// The avatar currently offered (left/right changes it).
  public var avatar: AvatarID
  /// True once the player pressed A to keep it.
  public var isConfirmed: Bool
  /// The pseudonymous code this seat's answers are filed under, shown so the therapist can check
  /// that the right patient holds the pad; nil in an animation.
  public var participant: ParticipantCode?

  public init(
    number: PlayerNumber, pad: PadID, avatar: AvatarID, isConfirmed: Bool, participant: ParticipantCode? = nil
  ) {
    self.number = number
    self.pad = pad
    self.avatar = avatar
    self.isConfirmed = isConfirmed
    self.participant = participant
  }
}
