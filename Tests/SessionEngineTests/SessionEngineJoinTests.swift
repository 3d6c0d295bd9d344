import SessionEngine
import SessionModel
import Testing

let joinCases: [TranscriptCase] = [
  .init(
    id: "R on the join screen frees every seat, so patients can sit down again in the group's order",
    before: Step.press(1) + Step.press(2),
    script: Step.key(.redo) + Step.press(2),
    keep: ["log join", "log player", "show"],
    expected: ["log join.reset", "show join ", "log player.joined player 1", "show join 1:chat?"]),
  .init(
    id: "any button takes a seat, A keeps the avatar",
    script: Step.press(1, .x) + Step.press(1),
    keep: ["log player", "sound", "show"],
    expected: [
      "log player.joined player 1", "sound join", "show join 1:chat?",
      "log player.confirmed player 1", "sound confirm", "show join 1:chat+",
    ]),
  .init(
    id: "browsing skips the avatars other pads hold",
    before: Step.press(1) + Step.press(2),
    script: Step.press(1, .right) + Step.press(2, .left) + Step.press(2, .left),
    keep: ["show"],
    expected: ["show join 1:lapin? 2:chien?", "show join 1:lapin? 2:chat?", "show join 1:lapin? 2:velo?"]),
  .init(
    id: "a confirmed avatar does not move with the stick",
    before: Step.press(1) + Step.press(1),
    script: Step.press(1, .right) + Step.press(1),
    keep: ["show", "sound", "log player"],
    expected: []),
  .init(
    id: "stray buttons on a seated pad are ignored",
    before: Step.press(1),
    script: [PadButton.b, .x, .y, .back, .guide, .start, .leftStick, .rightShoulder].flatMap { Step.press(1, $0) },
    keep: ["show", "sound", "log"],
    expected: []),
  .init(
    id: "presses closer than 150 ms are one press, even in a long burst",
    before: Step.press(1),
    script: Step.tap(1, .right, after: 300) + Step.tap(1, .right, after: 120) + Step.tap(1, .right, after: 120)
      + Step.tap(1, .a, after: 120) + Step.tap(1, .right, after: 200),
    keep: ["show", "log player"],
    expected: ["show join 1:chien?", "show join 1:lapin?"]),
  .init(
    id: "a press 150 ms or more after the last one counts",
    before: Step.press(1),
    script: Step.tap(1, .right, after: 300) + Step.tap(1, .right, after: 149) + Step.tap(1, .right, after: 150)
      + Step.tap(1, .right, after: 10) + Step.tap(1, .right, after: 400),
    keep: ["show"],
    expected: ["show join 1:chien?", "show join 1:lapin?", "show join 1:poule?"]),
  .init(
    id: "holding A for 1.5 s gives up a confirmed avatar; a short hold does nothing",
    before: Step.press(1) + Step.press(1),
    script: Step.hold(1, for: 1_000) + Step.hold(1, for: 1_600) + Step.press(1, .right),
    keep: ["show", "log player", "sound"],
    expected: [
      "log player.choosingAgain player 1", "sound move", "show join 1:chat?", "sound move", "show join 1:chien?",
    ]),
  .init(
    id: "holding A on the press that confirms keeps the avatar, however slowly the thumb lets go",
    before: Step.press(1),
    script: Step.hold(1, for: 2_500),
    keep: ["show", "log player"],
    expected: ["log player.confirmed player 1", "show join 1:chat+"]),
  .init(
    id: "a long press is also decided on release when no tick came",
    before: Step.press(1) + Step.press(1),
    script: Step.press(1, holding: 1_500),
    keep: ["show", "log player"],
    expected: ["log player.choosingAgain player 1", "show join 1:chat?"]),
  .init(
    id: "an unplugged pad keeps its seat and avatar and gets them back",
    before: Step.joinAndStart(pads: [1, 2]),
    script: Step.input(.pad(.disconnected(PadID(rawValue: 2))))
      + Step.input(.pad(.connected(PadID(rawValue: 2), name: "Pad")))
      + Step.input(.pad(.connected(PadID(rawValue: 2), name: "Pad"))),
    keep: ["show", "log player"],
    expected: [
      "log player.disconnected player 2", "show stimulus verger | 1:chat 2:chien(off)",
      "log player.reconnected player 2", "show stimulus verger | 1:chat 2:chien",
    ]),
  .init(
    id: "a pad unplugged while choosing keeps the avatar it was offered",
    before: Step.press(1) + Step.press(2) + Step.press(2, .right),
    script: Step.input(.pad(.disconnected(PadID(rawValue: 2))))
      + Step.input(.pad(.connected(PadID(rawValue: 2), name: "Pad")))
      + Step.press(2),
    keep: ["show", "log player"],
    expected: [
      "log player.disconnected player 2", "log player.reconnected player 2", "log player.confirmed player 2",
      "show join 1:chat? 2:lapin+",
    ]),
  .init(
    id: "Space waits for one confirmed player",
    before: Step.press(1),
    script: Step.key(.next) + Step.press(1) + Step.key(.next),
    keep: ["show", "log session"],
    expected: [
      "log session.notStarted",
      "show join 1:chat? [notice: Il faut au moins un joueur qui a choisi son avatar (bouton A) pour commencer.]",
      "show join 1:chat+ [notice: Il faut au moins un joueur qui a choisi son avatar (bouton A) pour commencer.]",
      "log session.started", "show stimulus verger | 1:chat",
    ]),
  .init(
    id: "Space warns once about seats outside the group, then starts",
    setup: Material.setup(participants: Array(Material.participants.prefix(1))),
    before: Step.press(1) + Step.press(1) + Step.press(2) + Step.press(2),
    script: Step.key(.next) + Step.key(.next),
    keep: ["show", "log session"],
    expected: [
      "log session.notStarted",
      "show join 1:chat+ 2:chien+ [notice: Place(s) 2 hors du groupe : leurs réponses seront enregistrées mais "
        + "classées sous aucun participant. Espace pour commencer quand même, ou déplacez une manette "
        + "(chiffre N puis M).]",
      "log session.started", "show stimulus verger | 1:chat 2:chien",
    ]),
  .init(
    id: "a new seat outside the group is warned about again",
    setup: Material.setup(participants: Array(Material.participants.prefix(1))),
    before: Step.press(1) + Step.press(1) + Step.press(2) + Step.key(.next),
    script: Step.press(3) + Step.key(.next),
    keep: ["log session"],
    expected: ["log session.notStarted"]),
  .init(
    id: "after R, the same wrong seating is warned about again",
    setup: Material.setup(participants: Array(Material.participants.prefix(1))),
    before: Step.press(1) + Step.press(1) + Step.press(2) + Step.key(.next),
    script: Step.key(.redo) + Step.press(1) + Step.press(1) + Step.press(2) + Step.key(.next),
    keep: ["log session", "log join.reset"],
    expected: ["log join.reset", "log session.notStarted"]),
  .init(
    id: "a swap takes the warning down; the seat already named does not hold Space twice",
    setup: Material.setup(participants: Array(Material.participants.prefix(1))),
    before: Step.press(1) + Step.press(1) + Step.press(2) + Step.key(.next),
    script: Step.key(.giveFloor(to: PlayerNumber(rawValue: 2)!)) + Step.key(.giveFloor(to: PlayerNumber(rawValue: 1)!))
      + Step.key(.next),
    keep: ["show", "log session"],
    expected: [
      "show join 1:chat+ 2:chien? select 2 [notice: Place(s) 2 hors du groupe : leurs réponses seront enregistrées "
        + "mais classées sous aucun participant. Espace pour commencer quand même, ou déplacez une manette "
        + "(chiffre N puis M).]",
      "show join 1:chien? 2:chat+",
      "log session.started", "show stimulus verger | 1:chien 2:chat",
    ]),
  .init(
    id: "an animation has no group, so no seat is outside it",
    setup: Material.setup(kind: .animation),
    before: Step.press(1) + Step.press(1) + Step.press(2),
    script: Step.key(.next),
    keep: ["log session"],
    expected: ["log session.started"]),
  .init(
    id: "a seated pad that never confirmed plays with the avatar it was offered",
    before: Step.press(1) + Step.press(1) + Step.press(2) + Step.press(2, .right),
    script: Step.key(.next),
    keep: ["show", "log player"],
    expected: ["log player.confirmed player 2", "show stimulus verger | 1:chat 2:lapin"]),
  .init(
    id: "a pad that never joined joins at the evocation by pressing A",
    before: Step.joinAndStart(pads: [1]) + Step.key(.next),
    script: Step.press(5, .right) + Step.press(5),
    keep: ["show", "log player", "sound"],
    expected: [
      "log player.joined player 2", "sound join",
      "show evocation speaker - waiting - | 1:chat 2:chien [notice: Le joueur 2 est arrivé en cours de séance : "
        + "ses réponses sont enregistrées, et classées sous son code quand vous direz qui c'est : P (pause), "
        + "puis son numéro dans le groupe.]",
    ]),
]

@Test(arguments: joinCases)
func joining(_ transcript: TranscriptCase) {
  #expect(transcript.run() == transcript.expected)
}

@Test func tenPadsJoinWithTenDifferentAvatarsAndAnEleventhWaits() {
  var driver = Driver(Material.setup())
  let pads = Array(1...10)
  // Every pad sits, then browses a different distance, so that most want an avatar someone holds.
  driver.run(pads.flatMap { Step.press($0) })
  driver.run(pads.flatMap { pad in (0..<(pad % 4)).flatMap { _ in Step.press(pad, .right) } })
  driver.run(pads.flatMap { Step.press($0) })
  let refused = driver.run(Step.press(11))
  guard case .join(let join) = driver.engine.scene.content else {
    Issue.record("expected the join screen, got \(driver.engine.scene.content)")
    return
  }
  #expect(join.seats.count == 10)
  #expect(join.seats.allSatisfy { $0.isConfirmed })
  #expect(Set(join.seats.map(\.avatar)).count == 10)
  #expect(Set(join.seats.map(\.pad)) == Set(pads.map { PadID(rawValue: $0) }))
  #expect(
    join.seats.map(\.participant) == Material.participants.map(Optional.some), "each seat shows whose answers it files")
  #expect(refused.contains(.log("join.refused", ["pad": "11", "reason": "full"])))

  driver.run(Step.key(.next))
  let players = driver.engine.scene.players
  #expect(players.map(\.participant) == Material.participants.map(Optional.some))
  #expect(Set(players.map(\.avatar)).count == 10)
}
