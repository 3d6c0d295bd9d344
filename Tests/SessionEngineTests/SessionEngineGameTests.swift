import SessionEngine
import SessionModel
import Testing

private let whichScentTrial = Material.setup(
  [Material.trial(1, "verger", .imageGame, game: .whichScent)], kind: .animation)
private let thenAndNowTrial = Material.setup([Material.trial(1, "verger", .imageGame, game: .thenAndNow)])
private let rightOrderTrial = Material.setup(
  [Material.trial(1, "cuisine", .imageGame, game: .rightOrder)], difficulty: .medium)
private let easyRightOrderTrial = Material.setup([Material.trial(1, "cuisine", .imageGame, game: .rightOrder)])
private let inTheGame = Step.joinAndStart(pads: [1, 2, 3]) + Step.key(.next)

let gameCases: [TranscriptCase] = [
  .init(
    id: "answers are revealed together once every connected player has locked",
    setup: whichScentTrial, before: inTheGame,
    script: Step.press(1) + Step.press(2, .right) + Step.press(2) + Step.input(.pad(.disconnected(PadID(rawValue: 3)))),
    keep: ["log game", "sound reveal"],
    expected: ["log game.answer player 1", "log game.answer player 2", "log game.revealed", "sound reveal"]),
  .init(
    id: "nothing is revealed while a connected player is still choosing",
    setup: whichScentTrial, before: inTheGame,
    script: Step.press(1) + Step.press(2) + Step.wait(60_000),
    keep: ["log game", "sound reveal"],
    expected: ["log game.answer player 1", "log game.answer player 2"]),
  .init(
    id: "Space reveals without waiting, and answers after the reveal are not taken",
    setup: whichScentTrial, before: inTheGame,
    script: Step.press(1) + Step.key(.next) + Step.press(2) + Step.key(.next),
    keep: ["log game", "sound reveal", "show evocation"],
    expected: [
      "log game.answer player 1", "log game.revealed", "sound reveal", "log game.ended",
      "show evocation speaker - waiting - | 1:chat 2:chien 3:lapin",
    ]),
  .init(
    id: "holding A reopens a locked answer; a short press does not",
    setup: whichScentTrial, before: inTheGame,
    script: Step.press(1) + Step.press(1) + Step.hold(1, for: 1_600) + Step.press(1, .right),
    keep: ["log game"],
    expected: ["log game.answer player 1", "log game.answerReopened player 1"]),
  .init(
    id: "holding A on the press that locks keeps the answer locked",
    setup: whichScentTrial, before: inTheGame,
    script: Step.hold(1, for: 2_000) + Step.press(1, .right),
    keep: ["log game", "sound"],
    expected: ["log game.answer player 1", "sound confirm"]),
  .init(
    id: "a pad that joins during the game gets a cursor and is waited for",
    setup: whichScentTrial, before: inTheGame,
    script: Step.press(1) + Step.press(2) + Step.press(7) + Step.press(3) + Step.press(7),
    keep: ["log game", "log player"],
    expected: [
      "log game.answer player 1", "log game.answer player 2", "log player.joined player 4", "log game.answer player 3",
      "log game.answer player 4", "log game.revealed",
    ]),
  .init(
    id: "stray buttons do nothing in a game, nor let a new pad join",
    setup: whichScentTrial, before: inTheGame,
    script: [PadButton.b, .x, .y, .back, .guide, .start, .leftShoulder, .rightStick].flatMap { Step.press(1, $0) }
      + Step.press(8, .b) + Step.press(8, .start),
    keep: ["show", "sound", "log game", "log player"],
    expected: []),
  .init(
    id: "then and now: each player picks a side, all are revealed, Space brings the next picture",
    setup: thenAndNowTrial, before: Step.joinAndStart(pads: [1, 2]) + Step.key(.next),
    script: Step.press(1) + Step.press(1, .left) + Step.press(1) + Step.press(2, .right) + Step.press(2)
      + Step.key(.next),
    keep: ["log game"],
    expected: ["log game.answer player 1", "log game.answer player 2", "log game.revealed", "log game.nextPicture"]),
  .init(
    id: "le bon ordre at easy: one press places the missing picture, Space brings the next process",
    setup: easyRightOrderTrial, before: inTheGame,
    script: Step.press(1) + Step.key(.next) + Step.press(2) + Step.key(.next),
    keep: ["log game", "sound"],
    expected: [
      "log game.place player 1", "sound reveal", "log game.nextPicture", "log game.place player 2", "sound reveal",
      "log game.finished", "log game.ended",
    ]),
  .init(
    id: "le bon ordre: a player out of turn moves nothing and places nothing",
    setup: easyRightOrderTrial, before: inTheGame,
    script: Step.press(2, .right) + Step.press(2) + Step.press(3),
    keep: ["log game", "sound", "show"],
    expected: []),
]

@Test(arguments: gameCases)
func games(_ transcript: TranscriptCase) {
  #expect(transcript.run() == transcript.expected)
}

@Test func aGameWithoutMaterialIsSkippedStraightToTheEvocation() {
  var setup = Material.setup([Material.trial(1, "verger", .imageGame, game: .thenAndNow)])
  setup.thenAndNowPictures = []
  var driver = Driver(setup)
  driver.run(Step.joinAndStart(pads: [1]) + Step.key(.next))
  #expect(driver.lines(["log game"]) == ["log game.skipped"])
  #expect(driver.engine.scene.content == .evocation(EvocationView(image: "stimuli/verger.svg")))
}

@Test func memoryPairsPassTheTurnAndTurnAMismatchBackAfterACalmDelay() throws {
  var driver = Driver(Material.setup([Material.trial(1, "cuisine", .imageGame, game: .memoryPairs)]))
  driver.run(Step.joinAndStart(pads: [1, 2]) + Step.key(.next))
  func view() throws -> MemoryPairsView {
    guard case .memoryPairs(let view) = driver.engine.scene.content else { throw GameNotShown() }
    return view
  }
  let dealt = try view()
  let different = try #require(dealt.cards.indices.first { dealt.cards[$0].picture != dealt.cards[0].picture })
  #expect(dealt.playerToMove == PlayerNumber(rawValue: 1))

  driver.run(Step.press(1) + (0..<different).flatMap { _ in Step.press(1, .right) } + Step.press(1))
  #expect(try view().cards.filter(\.isFaceUp).count == 2)
  #expect(try view().playerToMove == PlayerNumber(rawValue: 2))

  let outOfTurn = driver.run(Step.press(1, .left))
  #expect(!outOfTurn.contains { if case .show = $0 { true } else { false } })
  driver.run(Step.wait(2_500))
  #expect(try view().cards.filter(\.isFaceUp).count == 2, "turned back before the calm delay")
  driver.run(Step.wait(40))
  #expect(try view().cards.filter(\.isFaceUp).isEmpty)
}

/// At medium the group may guess wrong: the picture comes back softly, the place is marked as
/// tried, the hint follows the second try, and the process always ends complete.
@Test func leBonOrdreSendsAWrongPictureBackThenShowsWhereItGoes() throws {
  var driver = Driver(rightOrderTrial)
  driver.run(Step.joinAndStart(pads: [1, 2]) + Step.key(.next))
  func view() throws -> RightOrderView {
    guard case .rightOrder(let view) = driver.engine.scene.content else { throw GameNotShown() }
    return view
  }
  let dealt = try view()
  #expect(dealt.playerToMove == PlayerNumber(rawValue: 1))
  let picture = try #require(dealt.picture)
  // A place already filled is never the picture's: pressing there sends it back.
  let filled = try #require(dealt.slots.indices.first { dealt.slots[$0] != nil })
  let toFilled = Array(repeating: filled > dealt.cursor ? PadButton.right : .left, count: abs(filled - dealt.cursor))
  driver.run(toFilled.flatMap { Step.press(1, $0) } + Step.press(1) + Step.press(1))
  let tried = try view()
  #expect(tried.picture == picture && tried.triedSlots == [filled])
  #expect(tried.playerToMove == PlayerNumber(rawValue: 1))
  let hint = try #require(tried.hint, "no hint after two tries at medium")
  #expect(driver.lines(["log game.place"]) == ["log game.place player 1", "log game.place player 1"])
  #expect(driver.lines(["sound"]).suffix(2) == ["sound move", "sound move"])
  let placeAt = Array(repeating: hint > filled ? PadButton.right : .left, count: abs(hint - filled))
  driver.run(placeAt.flatMap { Step.press(1, $0) } + Step.press(1))
  #expect(try view().slots[hint] == picture)
  #expect(try view().playerToMove == PlayerNumber(rawValue: 2))
  let outcomes = driver.commands.compactMap { entry -> String? in
    guard case .log("game.place", let payload) = entry.command else { return nil }
    return payload["outcome"]
  }
  #expect(outcomes == ["missed", "missed", "matched"])
}

private struct GameNotShown: Error {}
