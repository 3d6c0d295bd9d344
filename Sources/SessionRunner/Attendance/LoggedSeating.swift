import SessionModel

/// Who a run's log shows at the table: the participants in the seats taken when the log stops, and
/// any whose answer it started recording. Recovery records them present for a run killed before it
/// could record attendance itself (``RunAttendance/recordFromLog(_:of:in:)``).
///
/// Each `seating.joined`, each attribution of a latecomer and each take names the participant of
/// its seat; the join screen's moves and resets, and the start's list of players, say which seats
/// are taken. A seat taken by a move to a seat the log never names a participant for is left out:
/// recovery does not guess who sat there.
struct LoggedSeating {
  private var participantOfSeat: [PlayerNumber: ParticipantCode] = [:]
  private var taken: Set<PlayerNumber> = []
  private var answered: Set<ParticipantCode> = []

  init(_ events: [SessionEvent]) {
    for event in events {
      switch event.kind {
      case .seating(.joined(let player, _, _, let participant, _)):
        taken.insert(player)
        // A latecomer's seat files under no one until the therapist says who it is.
        participantOfSeat[player] = participant
      case .seating(.attributed(let player, let participant)):
        participantOfSeat[player] = participant
      case .seating(.seatsSwapped(let from, let to, _, let swappedPad)):
        taken.insert(to)
        if swappedPad == nil { taken.remove(from) }
      case .seating(.reset):
        taken.removeAll()
      case .session(.started(let players, _)):
        taken = Set(players)
      case .recording(.started(let take)):
        guard let participant = take.participant else { continue }
        participantOfSeat[take.player] = participant
        answered.insert(participant)
      default:
        continue
      }
    }
  }

  /// The participants seated or answering, by code.
  var participants: [ParticipantCode] {
    answered.union(taken.compactMap { participantOfSeat[$0] }).sorted()
  }
}
