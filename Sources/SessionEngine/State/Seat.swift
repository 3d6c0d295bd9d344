import SessionModel

/// A player's place at the table: their pad, avatar and (in clinical sessions) participant code.
struct Seat: Hashable, Sendable {
  let number: PlayerNumber
  let pad: PadID
  var avatar: AvatarID
  let participant: ParticipantCode?
  var isConfirmed: Bool
  var isConnected = true

  func view(hasAnswered: Bool) -> PlayerView {
    PlayerView(
      number: number, pad: pad, avatar: avatar, participant: participant, isConnected: isConnected,
      hasAnswered: hasAnswered)
  }
}
