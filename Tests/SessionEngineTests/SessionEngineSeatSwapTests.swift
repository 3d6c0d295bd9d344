import SessionEngine
import SessionModel
import Testing

/// Three pads seated in order: pad 1 (chat, confirmed), pad 2 (chien), pad 3 (lapin, confirmed).
private let threeSeated = Step.press(1) + Step.press(1) + Step.press(2) + Step.press(3) + Step.press(3)

let seatSwapCases: [TranscriptCase] = [
  .init(
    id: "a digit on the join screen picks a seated pad and marks its seat",
    before: threeSeated,
    script: Step.key(.giveFloor(to: seat(2))),
    keep: ["log join", "show"],
    expected: ["log join.seatSelected", "show join 1:chat+ 2:chien? 3:lapin+ select 2"]),
  .init(
    id: "a second digit swaps the two pads, each keeping its avatar and confirmation",
    before: threeSeated,
    script: Step.key(.giveFloor(to: seat(1))) + Step.key(.giveFloor(to: seat(3))),
    keep: ["log join", "show"],
    expected: [
      "log join.seatSelected", "show join 1:chat+ 2:chien? 3:lapin+ select 1",
      "log join.seatsSwapped", "show join 1:lapin+ 2:chien? 3:chat+",
    ]),
  .init(
    id: "a digit naming an empty seat moves the pad there and frees its old seat",
    before: threeSeated,
    script: Step.key(.giveFloor(to: seat(2))) + Step.key(.giveFloor(to: seat(10))),
    keep: ["log join", "show"],
    expected: [
      "log join.seatSelected", "show join 1:chat+ 2:chien? 3:lapin+ select 2",
      "log join.seatsSwapped", "show join 1:chat+ 3:lapin+ 10:chien?",
    ]),
  .init(
    id: "the same digit again lets go of the seat",
    before: threeSeated + Step.key(.giveFloor(to: seat(2))),
    script: Step.key(.giveFloor(to: seat(2))),
    keep: ["log join", "show"],
    expected: ["log join.seatSelectionCancelled", "show join 1:chat+ 2:chien? 3:lapin+"]),
  .init(
    id: "Esc lets go of the seat instead of asking to end; the next Esc asks",
    before: threeSeated + Step.key(.giveFloor(to: seat(2))),
    script: Step.key(.end) + Step.key(.end),
    keep: ["log join", "show"],
    expected: [
      "log join.seatSelectionCancelled", "show join 1:chat+ 2:chien? 3:lapin+",
      "show join 1:chat+ 2:chien? 3:lapin+ [confirm end]",
    ]),
  .init(
    id: "closing the window with a seat picked still ends the session",
    before: threeSeated + Step.key(.giveFloor(to: seat(2))),
    script: SessionInput.windowClosed.flatMap { Step.input($0) },
    keep: ["stop", "log session", "session ended"],
    expected: ["stop scents", "log session.ended", "session ended"]),
  .init(
    id: "Backspace lets go of the seat",
    before: threeSeated + Step.key(.giveFloor(to: seat(3))),
    script: Step.key(.cancel),
    keep: ["log join", "show"],
    expected: ["log join.seatSelectionCancelled", "show join 1:chat+ 2:chien? 3:lapin+"]),
  .init(
    id: "R frees every seat and the pick with them",
    before: threeSeated + Step.key(.giveFloor(to: seat(3))),
    script: Step.key(.redo) + Step.press(3),
    keep: ["log join", "show"],
    expected: ["log join.seatSelectionCancelled", "log join.reset", "show join ", "show join 1:chat?"]),
  .init(
    id: "starting the session lets go of the pick, and a digit on the image picks nothing",
    before: threeSeated + Step.key(.giveFloor(to: seat(1))),
    script: Step.key(.next) + Step.key(.giveFloor(to: seat(3))),
    keep: ["log join", "log session.started", "show"],
    expected: [
      "log join.seatSelectionCancelled", "log session.started", "show stimulus verger | 1:chat 2:chien 3:lapin",
    ]
  ),
  .init(
    id: "a digit naming an empty seat picks nothing",
    before: threeSeated,
    script: Step.key(.giveFloor(to: seat(7))) + Step.key(.giveFloor(to: seat(1))),
    keep: ["log join", "show"],
    expected: ["log join.seatSelected", "show join 1:chat+ 2:chien? 3:lapin+ select 1"]),
  .init(
    id: "digits in the lobby and during a pause on the join screen do nothing",
    script: Step.key(.giveFloor(to: seat(1))) + Step.press(1) + Step.key(.pause) + Step.key(.giveFloor(to: seat(1)))
      + Step.key(.pause),
    keep: ["log join.seat", "show join 1:chat? select"],
    expected: []),
  .init(
    id: "a pad joining while a seat is picked takes the next free seat and leaves the pick alone",
    before: threeSeated + Step.key(.giveFloor(to: seat(1))),
    script: Step.press(4),
    keep: ["show"],
    expected: ["show join 1:chat+ 2:chien? 3:lapin+ 4:poule? select 1"]),
  .init(
    id: "a pad unplugged and plugged back after a swap gets its new seat and avatar back",
    before: threeSeated + Step.key(.giveFloor(to: seat(1))) + Step.key(.giveFloor(to: seat(3))) + Step.key(.next),
    script: Step.input(.pad(.disconnected(PadID(rawValue: 1))))
      + Step.input(.pad(.connected(PadID(rawValue: 1), name: "Pad"))),
    keep: ["show", "log player"],
    expected: [
      "log player.disconnected player 3", "show stimulus verger | 1:lapin 2:chien 3:chat(off)",
      "log player.reconnected player 3", "show stimulus verger | 1:lapin 2:chien 3:chat",
    ]),
  .init(
    id: "a thumb holding A while the seats change does not give up its avatar afterwards",
    before: threeSeated,
    script: Step.key(.giveFloor(to: seat(1)))
      + [Step(after: 300, input: .pad(.pressed(PadID(rawValue: 3), .a)))]
      + Step.key(.giveFloor(to: seat(3)), after: 100) + Step.wait(1_000) + Step.wait(1_000)
      + Step.input(.pad(.released(PadID(rawValue: 3), .a))),
    keep: ["log player", "show"],
    expected: ["show join 1:chat+ 2:chien? 3:lapin+ select 1", "show join 1:lapin+ 2:chien? 3:chat+"]),
]

@Test(arguments: seatSwapCases)
func swappingSeats(_ transcript: TranscriptCase) {
  #expect(transcript.run() == transcript.expected)
}

/// Where each pad sits after a script, and under which code its answers are filed.
struct SeatingCase: Sendable, CustomTestStringConvertible {
  let id: String
  var groupSize = 10
  let script: [Step]
  /// "seat:pad:code" for each seat in order, "-" when the seat files under no code.
  let expected: [String]
  var testDescription: String { id }
}

let seatingCases: [SeatingCase] = [
  .init(
    id: "participant codes stay with the seats when two pads swap",
    script: threeSeated + Step.key(.giveFloor(to: seat(1))) + Step.key(.giveFloor(to: seat(2))),
    expected: ["1:2:P01", "2:1:P02", "3:3:P03"]),
  .init(
    id: "a pad moved to an empty seat files under that seat's code",
    script: threeSeated + Step.key(.giveFloor(to: seat(3))) + Step.key(.giveFloor(to: seat(5))),
    expected: ["1:1:P01", "2:2:P02", "5:3:P05"]),
  .init(
    id: "an extra pad moved into a member's seat gets its code; the member's pad is left without one",
    groupSize: 2,
    script: threeSeated + Step.key(.giveFloor(to: seat(3))) + Step.key(.giveFloor(to: seat(1))),
    expected: ["1:3:P01", "2:2:P02", "3:1:-"]),
  .init(
    id: "a cancelled pick moves nothing",
    script: threeSeated + Step.key(.giveFloor(to: seat(1))) + Step.key(.cancel) + Step.key(.giveFloor(to: seat(2))),
    expected: ["1:1:P01", "2:2:P02", "3:3:P03"]),
  .init(
    id: "two swaps in a row put three pads in a new order",
    script: threeSeated + Step.key(.giveFloor(to: seat(1))) + Step.key(.giveFloor(to: seat(2)))
      + Step.key(.giveFloor(to: seat(2))) + Step.key(.giveFloor(to: seat(3))),
    expected: ["1:2:P01", "2:3:P02", "3:1:P03"]),
]

@Test(arguments: seatingCases)
func seating(_ seatingCase: SeatingCase) {
  var driver = Driver(Material.setup(participants: Array(Material.participants.prefix(seatingCase.groupSize))))
  driver.run(seatingCase.script)
  guard case .join(let join) = driver.engine.scene.content else {
    Issue.record("expected the join screen, got \(driver.engine.scene.content)")
    return
  }
  let seating = join.seats.map { "\($0.number):\($0.pad.rawValue):\($0.participant?.rawValue ?? "-")" }
  #expect(seating == seatingCase.expected)

  // A seat left outside the group is warned about at the first Space; the second one starts.
  driver.run(Step.key(.next) + (seatingCase.expected.contains { $0.hasSuffix(":-") } ? Step.key(.next) : []))
  let players = driver.engine.scene.players.map {
    "\($0.number):\($0.pad.map { String($0.rawValue) } ?? "?"):\($0.participant?.rawValue ?? "-")"
  }
  #expect(players == seatingCase.expected, "the session files answers as the join screen showed")
}

@Test func aSwapIsLoggedWithTheSeatsAndPadsItMoved() {
  var driver = Driver(Material.setup())
  driver.run(threeSeated)
  let selected = driver.run(Step.key(.giveFloor(to: seat(1))))
  let swapped = driver.run(Step.key(.giveFloor(to: seat(3))))
  let moved = driver.run(Step.key(.giveFloor(to: seat(2))) + Step.key(.giveFloor(to: seat(6))))
  #expect(selected.contains(.log("join.seatSelected", ["seat": "1", "pad": "1"])))
  #expect(swapped.contains(.log("join.seatsSwapped", ["from": "1", "to": "3", "pad": "1", "swappedPad": "3"])))
  #expect(moved.contains(.log("join.seatsSwapped", ["from": "2", "to": "6", "pad": "2"])))
}

private func seat(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }
