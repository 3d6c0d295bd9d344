import Foundation
import SessionModel
import Testing

@testable import SessionRunner

/// Who a killed run's log shows at the table: the seats taken when it stops, named by the joins
/// and takes of those seats, and whoever it shows answering; never a guess.
@Suite struct LoggedSeatingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let events: [LoggedEvent]
    let present: [ParticipantCode]
  }

  static let (p1, p2, p3) = (ParticipantCode.numbered(1), ParticipantCode.numbered(2), ParticipantCode.numbered(3))

  static func seat(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }

  static func joined(_ number: Int, _ participant: ParticipantCode?, late: Bool? = nil) -> LoggedEvent {
    .seating(
      .joined(player: seat(number), pad: PadID(rawValue: number), avatar: "owl", participant: participant, late: late))
  }

  static func started(_ numbers: [Int]) -> LoggedEvent {
    .session(.started(players: numbers.map(seat), avatars: numbers.map { _ in "owl" }))
  }

  static func swapped(_ from: Int, _ to: Int, displacing: Bool) -> LoggedEvent {
    .seating(
      .seatsSwapped(
        from: seat(from), to: seat(to), pad: PadID(rawValue: from), swappedPad: displacing ? PadID(rawValue: to) : nil))
  }

  static func take(_ number: Int, _ participant: ParticipantCode) -> LoggedEvent {
    .recording(.started(AnswerTake(trial: "T1", player: seat(number), participant: participant, turn: 1, redo: 0)))
  }

  static let cases = [
    Case(
      testDescription: "two joined, then the start", events: [joined(1, p1), joined(2, p2), started([1, 2])],
      present: [p1, p2]),
    Case(
      testDescription: "R freed every seat, one joined again",
      events: [joined(1, p1), joined(2, p2), .seating(.reset(seats: 2)), joined(1, p1), started([1])], present: [p1]),
    Case(
      testDescription: "two pads swapped seats",
      events: [joined(1, p1), joined(2, p2), swapped(1, 2, displacing: true)],
      present: [p1, p2]),
    Case(
      testDescription: "a pad moved to a seat nobody joined: not guessed",
      events: [joined(1, p1), swapped(1, 2, displacing: false), started([2])], present: []),
    Case(
      testDescription: "a pad moved to a seat its take names",
      events: [joined(1, p1), swapped(1, 2, displacing: false), started([2]), take(2, p2)], present: [p2]),
    Case(
      testDescription: "a late join after the start", events: [joined(1, p1), started([1]), joined(2, p2, late: true)],
      present: [p1, p2]),
    Case(
      testDescription: "a latecomer nobody has named yet, on a seat R freed: not the seat's earlier member",
      events: [joined(2, p2), .seating(.reset(seats: 1)), joined(1, p1), started([1]), joined(2, nil, late: true)],
      present: [p1]),
    Case(
      testDescription: "a latecomer the therapist named",
      events: [
        joined(1, p1), started([1]), joined(2, nil, late: true),
        .seating(.attributed(player: seat(2), participant: p3)),
      ],
      present: [p1, p3]),
    Case(testDescription: "a take whose join the log lost", events: [started([]), take(3, p3)], present: [p3]),
    Case(
      testDescription: "a seat beyond the group's members",
      events: [joined(1, p1), joined(4, nil), started([1, 4])], present: [p1]),
    Case(testDescription: "the join screen only, nobody seated", events: [.seating(.joinOpened)], present: []),
  ]

  @Test(arguments: cases)
  func theLogSaysWhoWasAtTheTable(_ example: Case) {
    let events = example.events.map {
      SessionEvent(session: "S01", monotonicNanoseconds: 0, wallClock: Date(timeIntervalSince1970: 0), $0)
    }
    #expect(LoggedSeating(events).participants == example.present)
  }
}
