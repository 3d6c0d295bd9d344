/// Whose answer each take of a log is: the participant its `recording.started` names, or, for a
/// latecomer's take recorded before the therapist said who they are, the participant that
/// `player.attributed` names for its seat.
///
/// A latecomer's seat files under no one until the therapist names them, and the log is never
/// rewritten: their takes keep `participant` empty in `recording.started`. The seat is theirs for
/// the whole run (a seat number is one pad's, and only a latecomer's empty seat can be attributed),
/// so every take of that seat in that run is theirs, before the naming as after it. Every reader
/// that files or counts takes asks here, so that the run, recovery, `db check` and the exports
/// agree on whose answer a take is.
public struct TakeOwners: Sendable {
  private var attributed: [SessionID: [PlayerNumber: ParticipantCode]] = [:]

  public init(_ events: some Sequence<SessionEvent>) {
    for event in events {
      guard case .seating(.attributed(let player, let participant)) = event.kind else { continue }
      attributed[event.session, default: [:]][player] = participant
    }
  }

  /// The participant `take`, logged in `session`, is filed under; nil for a seat outside the group
  /// or a latecomer nobody named.
  public func participant(of take: AnswerTake, in session: SessionID) -> ParticipantCode? {
    take.participant ?? attributed[session]?[take.player]
  }
}
