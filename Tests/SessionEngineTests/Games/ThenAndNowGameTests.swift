import SessionEngine
import SessionModel
import Testing

private let players = [1, 2, 3].map { PlayerNumber(rawValue: $0)! }

private func deal(_ difficulty: Difficulty, seed: UInt64 = 3) -> ThenAndNowGame {
  var generator = SplitMix64(seed: seed)
  return ThenAndNowGame(pictures: Material.thenAndNow, difficulty: difficulty, using: &generator)!
}

@Test(arguments: [(Difficulty.easy, 4), (.medium, 6), (.hard, 8)])
func thenAndNowSortsEveryPictureIntoItsPile(_ difficulty: Difficulty, _ count: Int) {
  var game = deal(difficulty)
  #expect(game.pictures.count == count)
  var shown = 0
  while true {
    shown += 1
    for (offset, player) in players.enumerated() {
      #expect(!game.everyoneLocked(among: Set(players)))
      let lockedWithoutSide = game.lock(player)
      #expect(!lockedWithoutSide, "locked without choosing a side")
      game.move(player, offset.isMultiple(of: 2) ? .left : .right)
      let lockedWithSide = game.lock(player)
      #expect(lockedWithSide)
    }
    #expect(game.everyoneLocked(among: Set(players)))
    game.reveal()
    #expect(game.view.revealedIsNow == game.current.isNow)
    guard game.advance() else { break }
  }
  #expect(shown == count)
  #expect(game.isFinished)
  #expect(game.sortedThen.count + game.sortedNow.count == count)
  let nowPictures = Set(game.pictures.filter(\.isNow).map(\.picture))
  #expect(Set(game.sortedNow) == nowPictures)
  #expect(Set(game.sortedThen).isDisjoint(with: nowPictures))
}

@Test(arguments: Difficulty.allCases)
func thenAndNowWelcomesEveryAnswerAtEasyOnly(_ difficulty: Difficulty) {
  for direction in [PadDirection.left, .right] {
    var game = deal(difficulty)
    game.move(players[0], direction)
    game.lock(players[0])
    game.reveal()
    let isRight = (direction == .right) == game.current.isNow
    #expect(game.outcome(for: players[0]) == (isRight ? .matched : difficulty == .easy ? .welcomed : .missed))
  }
}

@Test func thenAndNowIgnoresUpAndDownAndNeedsAPictureToDeal() {
  var game = deal(.easy)
  let movedUp = game.move(players[0], .up)
  #expect(!movedUp)
  let movedDown = game.move(players[0], .down)
  #expect(!movedDown)
  #expect(game.cursors.isEmpty)
  let advancedEarly = game.advance()
  #expect(!advancedEarly, "moved on before the reveal")
  var generator = SplitMix64(seed: 1)
  #expect(ThenAndNowGame(pictures: [], difficulty: .easy, using: &generator) == nil)
}
