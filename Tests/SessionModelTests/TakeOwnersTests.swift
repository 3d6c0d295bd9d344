import Foundation
import SessionModel
import Testing

/// Whose answer a take is, read from the log the way the run files it.
@Suite struct TakeOwnersTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let take: AnswerTake
    let session: SessionID
    let owner: ParticipantCode?
  }

  static let seat2 = PlayerNumber(rawValue: 2)!
  static let seat3 = PlayerNumber(rawValue: 3)!
  static let p01 = ParticipantCode(rawValue: "P01")!
  static let p07 = ParticipantCode(rawValue: "P07")!

  static func take(_ player: PlayerNumber, _ participant: ParticipantCode?) -> AnswerTake {
    AnswerTake(trial: "T1", player: player, participant: participant, turn: 1, redo: 0)
  }

  /// S01 names seat 2 as P07 after the take; S02 names nobody.
  static let log: [SessionEvent] = [
    event("S01", .recording(.started(take(seat2, nil)))),
    event("S01", .seating(.attributed(player: seat2, participant: p07))),
    event("S02", .recording(.started(take(seat2, nil)))),
  ]

  static func event(_ session: SessionID, _ kind: LoggedEvent) -> SessionEvent {
    SessionEvent(session: session, monotonicNanoseconds: 0, wallClock: Date(timeIntervalSince1970: 0), kind)
  }

  @Test(arguments: [
    Case(testDescription: "a take that names its participant", take: take(seat3, p01), session: "S01", owner: p01),
    Case(testDescription: "a latecomer's take before the naming", take: take(seat2, nil), session: "S01", owner: p07),
    Case(testDescription: "another seat of the same run", take: take(seat3, nil), session: "S01", owner: nil),
    Case(testDescription: "the same seat in another run", take: take(seat2, nil), session: "S02", owner: nil),
  ])
  func aTakeBelongsToItsParticipantOrToWhomTheTherapistNamedItsSeat(_ example: Case) {
    #expect(TakeOwners(Self.log).participant(of: example.take, in: example.session) == example.owner)
  }
}
