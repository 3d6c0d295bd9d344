import SessionModel

/// A player's place at the table: their pad, avatar and (in clinical sessions) participant code.
struct Seat: Hashable, Sendable {
  let number: PlayerNumber
  let pad: PadID
  var avatar: AvatarID
  let participant: ParticipantCode?
  var isConfirmed: Bool
  var isConnected = true

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
