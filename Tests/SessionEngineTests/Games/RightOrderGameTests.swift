import SessionEngine
import SessionModel
import Testing

private let players = [1, 2, 3].map { PlayerNumber(rawValue: $0)! }

private func deal(_ difficulty: Difficulty, seed: UInt64 = 3, players: [PlayerNumber] = players) -> RightOrderGame {
  var generator = SplitMix64(seed: seed)
  return RightOrderGame(sequences: Material.rightOrder, difficulty: difficulty, players: players, using: &generator)!
}

/// Moves the cursor to `place` as the player to move would, one step at a time.
private func go(_ game: inout RightOrderGame, to place: Int) {
  let mover = game.playerToMove ?? players[0]
  while game.cursor != place { game.move(mover, place > game.cursor ? .right : .left) }
}

struct DealCase: Sendable, CustomTestStringConvertible {
  let difficulty: Difficulty
  let sequences: Int
  let missing: Int
  let triesBeforeHint: Int
  var testDescription: String { difficulty.rawValue }
}

@Test(arguments: [
  DealCase(difficulty: .easy, sequences: 2, missing: 1, triesBeforeHint: 1),
  DealCase(difficulty: .medium, sequences: 3, missing: 2, triesBeforeHint: 2),
  DealCase(difficulty: .hard, sequences: 3, missing: 3, triesBeforeHint: 3),
])
func rightOrderDealsMoreToPlaceAsTheLevelRises(_ c: DealCase) {
  var game = deal(c.difficulty)
  var shown = 0
  repeat {
    shown += 1
    let view = game.view
    #expect(view.slots.count == 3)
    #expect(view.slots.count(where: { $0 == nil }) == c.missing)
    #expect(view.waiting.count == c.missing - 1)
    #expect(view.slots[view.cursor] == nil, "the cursor starts on an empty place")
    #expect(view.hint == nil && view.triedSlots.isEmpty)
    // Pictures already in place are the process's own, in its order.
    for (place, picture) in view.slots.enumerated() where picture != nil {
      #expect(picture == game.sequence.steps[place])
    }
    #expect(RightOrderGame.triesBeforeHint(at: c.difficulty) == c.triesBeforeHint)
    while let step = game.currentStep {
      go(&game, to: step)
      #expect(game.press(game.playerToMove ?? players[0]) == .placed)
    }
    #expect(game.view.slots == game.sequence.steps.map { Optional($0) })
    #expect(game.view.isComplete)
  } while game.advance()
  #expect(shown == c.sequences)
  #expect(game.isFinished)
  #expect(game.completedSequences == c.sequences)
  #expect(game.attempts == c.sequences * c.missing)
}

/// What a press in the wrong place does, by level: it always comes back, never counts as a failure
/// at easy, and the right place lights up after the level's number of tries.
struct WrongPressCase: Sendable, CustomTestStringConvertible {
  let difficulty: Difficulty
  let wrongPresses: Int
  let outcome: AnswerOutcome
  let hintShown: Bool
  var testDescription: String { "\(difficulty.rawValue), \(wrongPresses) wrong" }
}

@Test(arguments: [
  WrongPressCase(difficulty: .easy, wrongPresses: 1, outcome: .welcomed, hintShown: true),
  WrongPressCase(difficulty: .medium, wrongPresses: 1, outcome: .missed, hintShown: false),
  WrongPressCase(difficulty: .medium, wrongPresses: 2, outcome: .missed, hintShown: true),
  WrongPressCase(difficulty: .hard, wrongPresses: 2, outcome: .missed, hintShown: false),
  WrongPressCase(difficulty: .hard, wrongPresses: 3, outcome: .missed, hintShown: true),
])
func aPictureInTheWrongPlaceComesBackAndTheHintFollows(_ c: WrongPressCase) throws {
  var game = deal(c.difficulty)
  let step = try #require(game.currentStep)
  let wrong = step == 0 ? 1 : 0
  let mover = try #require(game.playerToMove)
  go(&game, to: wrong)
  for _ in 0..<c.wrongPresses {
    let press = game.press(mover)
    #expect(press == .bouncedBack)
    #expect(game.outcome(of: press) == c.outcome)
  }
  #expect(game.currentStep == step, "the picture came back to be placed again")
  #expect(game.view.triedSlots == [wrong])
  #expect(game.playerToMove == mover, "the player who tried keeps the turn to try again")
  #expect(game.view.hint == (c.hintShown ? step : nil))
  go(&game, to: step)
  let placed = game.press(mover)
  #expect(placed == .placed)
  #expect(game.outcome(of: placed) == .matched)
  #expect(game.view.hint == nil && game.view.triedSlots.isEmpty)
  #expect(game.playerToMove != mover, "a picture placed passes the turn")
}

/// At easy one press of A is enough, whatever the deal: the cursor waits on the one empty place.
@Test(arguments: 1...12)
func atEasyOnePressPlacesThePictureWhateverTheSeed(_ seed: Int) {
  var game = deal(.easy, seed: UInt64(seed))
  var presses = 0
  repeat {
    presses += 1
    #expect(game.press(game.playerToMove ?? players[0]) == .placed)
    #expect(game.isSequenceComplete)
  } while game.advance()
  #expect(presses == 2)
  #expect(game.isFinished)
}

@Test func rightOrderTakesTurnsAndIgnoresWhoeverIsNotToMove() {
  var game = deal(.hard)
  #expect(game.playerToMove == players[0])
  let movedOutOfTurn = game.move(players[1], .right)
  #expect(!movedOutOfTurn)
  #expect(game.press(players[1]) == .ignored)
  let movedUp = game.move(players[0], .up)
  #expect(!movedUp)
  #expect(game.attempts == 0)
  game.seat([players[1], players[2]])
  #expect(game.playerToMove == players[1], "the turn skips a player who left")
  game.seat([])
  #expect(game.playerToMove == nil)
  #expect(game.canMove(players[2]), "with nobody connected, anyone may move")
}

@Test func rightOrderDealsTheSameForTheSameSeedAndNeedsAProcessToDeal() {
  #expect(deal(.medium, seed: 9) == deal(.medium, seed: 9))
  #expect(Set((1...8).map { deal(.medium, seed: $0).view }).count > 1, "every seed dealt the same")
  var generator = SplitMix64(seed: 1)
  #expect(RightOrderGame(sequences: [], difficulty: .easy, players: players, using: &generator) == nil)
  let oneStep = RightOrderSequence(title: .init(fr: "seul", en: "alone"), steps: [Material.rightOrder[0].steps[0]])
  #expect(RightOrderGame(sequences: [oneStep], difficulty: .easy, players: players, using: &generator) == nil)
}

@Test func rightOrderMovesOnOnlyOnceTheProcessIsComplete() {
  var game = deal(.medium)
  let advancedEarly = game.advance()
  #expect(!advancedEarly)
  let first = game.sequence
  while let step = game.currentStep {
    go(&game, to: step)
    game.press(game.playerToMove ?? players[0])
  }
  let movedOnComplete = game.move(players[0], .left)
  #expect(!movedOnComplete)
  #expect(game.press(players[0]) == .ignored)
  let advanced = game.advance()
  #expect(advanced)
  #expect(game.sequence != first)
}
