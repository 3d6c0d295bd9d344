import SessionEngine
import SessionModel
import Testing

private let players = [1, 2, 3].map { PlayerNumber(rawValue: $0)! }
private let pictures = Material.scents.map { PictureChoice(image: $0.image, label: $0.name) }

private func deal(_ difficulty: Difficulty, seed: UInt64 = 5) -> MemoryPairsGame {
  var generator = SplitMix64(seed: seed)
  return MemoryPairsGame(pictures: pictures, difficulty: difficulty, players: players, using: &generator)!
}

/// Plays like a forgetful group: turns the cards in order, and never remembers a card it has seen.
private func playWithoutMemory(_ game: inout MemoryPairsGame) -> Int {
  var presses = 0
  var time: UInt64 = 0
  while !game.isFinished, presses < 10_000 {
    time += 1_000_000_000
    let player = game.playerToMove ?? players[0]
    if let card = game.view.cards.indices.first(where: { !game.view.cards[$0].isFaceUp }) {
      // Each pair attempt starts from the first face-down card, then tries every other one in turn.
      game.point(at: card)
    }
    let result = game.press(player, at: time)
    presses += 1
    if result == .flipped {
      let first = game.cursor
      for candidate in game.view.cards.indices where candidate != first && !game.view.cards[candidate].isFaceUp {
        game.point(at: candidate)
        let second = game.press(game.playerToMove ?? player, at: time)
        presses += 1
        if second == .matched { break }
        game.settle(at: time + MemoryPairsGame.calmDelayNanoseconds)
        game.point(at: first)
        #expect(game.press(game.playerToMove ?? player, at: time) == .flipped)
        presses += 1
      }
    }
  }
  return presses
}

@Test(arguments: [(Difficulty.easy, 4), (.medium, 6), (.hard, 8)])
func memoryPairsAlwaysFinishes(_ difficulty: Difficulty, _ pairs: Int) {
  var game = deal(difficulty)
  #expect(game.cardCount == pairs * 2)
  #expect(game.view.columns == 4)
  let presses = playWithoutMemory(&game)
  #expect(game.isFinished)
  #expect(game.matchedPairs == pairs)
  #expect(presses < 10_000)
  #expect(game.view.cards.allSatisfy { $0.isFaceUp && $0.isMatched })
}

@Test func memoryPairsPassesTheTurnAfterEachPairAndOnlyTheMoverMoves() {
  var game = deal(.easy)
  #expect(game.playerToMove == players[0])
  let outOfTurnMoved = game.move(players[1], .right)
  #expect(!outOfTurnMoved, "a player moved out of turn")
  #expect(game.press(players[1], at: 0) == .ignored)
  let moverMoved = game.move(players[0], .right)
  #expect(moverMoved)
  #expect(game.press(players[0], at: 0) == .flipped)
  #expect(game.playerToMove == players[0])
  let moverMovedDown = game.move(players[0], .down)
  #expect(moverMovedDown)
  let second = game.press(players[0], at: 0)
  #expect(second == .matched || second == .mismatched)
  #expect(game.playerToMove == players[1])
  #expect(game.attempts == 1)
}

@Test func memoryPairsTurnsAMismatchBackOnTheNextPressOrAfterACalmDelay() throws {
  var game = deal(.easy)
  let cards = game.view.cards
  let first = 0
  let different = try #require(cards.indices.first { cards[$0].picture != cards[first].picture })
  game.point(at: first)
  #expect(game.press(players[0], at: 0) == .flipped)
  game.point(at: different)
  #expect(game.press(players[0], at: 0) == .mismatched)
  #expect(game.view.cards.filter(\.isFaceUp).count == 2)
  let settledEarly = game.settle(at: MemoryPairsGame.calmDelayNanoseconds - 1)
  #expect(!settledEarly)
  let settledOnTime = game.settle(at: MemoryPairsGame.calmDelayNanoseconds)
  #expect(settledOnTime)
  #expect(game.view.cards.filter(\.isFaceUp).isEmpty)

  game.point(at: first)
  #expect(game.press(players[1], at: 10) == .flipped)
  game.point(at: different)
  #expect(game.press(players[1], at: 10) == .mismatched)
  #expect(game.press(players[2], at: 11) == .turnedBack)
  #expect(game.view.cards.filter(\.isFaceUp).isEmpty)
}

@Test func memoryPairsFollowsWhoIsAtTheTable() {
  var game = deal(.easy)
  game.seat([players[1], players[2]])
  #expect(game.playerToMove == players[1])
  game.seat([])
  #expect(game.playerToMove == nil)
  let anyoneMoved = game.move(players[2], .right)
  #expect(anyoneMoved, "with nobody connected anyone may move")
  game.seat([players[0]])
  #expect(game.playerToMove == players[0])
}
