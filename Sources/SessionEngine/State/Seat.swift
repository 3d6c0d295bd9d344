import SessionModel

/// A player's place at the table: their pad, avatar and (in clinical sessions) participant code.
struct Seat: Hashable, Sendable {
  let number: PlayerNumber
  let pad: PadID
  var avatar: AvatarID
  /// The seat number's member on the join screen (a move takes the new seat's), or, for a player
  /// who joined after the start, whoever the therapist names (``SessionEngine/attributeLatecomer(to:)``).
  var participant: ParticipantCode?
  var isConfirmed: Bool
  var isConnected = true
  /// Joined after the session started, when nobody could check whose seat it took.
  var joinedLate = false

  /// The same pad, avatar and confirmation at another seat: the participant code belongs to the
  /// seat, so the patient holding this pad is now filed under the seat's code.
  func moved(to number: PlayerNumber, participant: ParticipantCode?) -> Seat {
    Seat(
      number: number, pad: pad, avatar: avatar, participant: participant, isConfirmed: isConfirmed,
      isConnected: isConnected)
  }

  func view(hasAnswered: Bool) -> PlayerView {
    PlayerView(
      number: number, pad: pad, avatar: avatar, participant: participant, isConnected: isConnected,
      hasAnswered: hasAnswered)
  }
}
