import SessionEngine
import SessionModel
import Testing

private let players = [1, 2, 3].map { PlayerNumber(rawValue: $0)! }
private let pomme = Material.scents[0]

private func deal(_ difficulty: Difficulty, seed: UInt64 = 1) -> WhichScentGame {
  var generator = SplitMix64(seed: seed)
  return WhichScentGame(
    answer: pomme, library: Material.scents, difficulty: difficulty, players: players, using: &generator)
}

struct LevelCase: Sendable, CustomTestStringConvertible {
  let difficulty: Difficulty
  let count: Int
  var testDescription: String { "\(difficulty.rawValue): \(count)" }
}

@Test(arguments: [
  LevelCase(difficulty: .easy, count: 2), LevelCase(difficulty: .medium, count: 3),
  LevelCase(difficulty: .hard, count: 4),
])
func whichScentDealsTheScentAndDistractorsFromOtherFamilies(_ level: LevelCase) {
  let game = deal(level.difficulty)
  #expect(game.choices.count == level.count)
  #expect(game.choiceScents.filter { $0 == "pomme" }.count == 1)
  #expect(game.choices[game.answerIndex].image == "scents/pomme.svg")
  let families = game.choiceScents.filter { $0 != "pomme" }.compactMap { id in
    Material.scents.first { $0.id == id }?.family
  }
  #expect(!families.contains(.fruit), "a distractor shares the answer's family while others were free")
  #expect(Set(game.choiceScents).count == level.count)
}

@Test(arguments: Difficulty.allCases)
func whichScentCompletesAndRevealsOnlyWhenEveryoneLocked(_ difficulty: Difficulty) {
  var game = deal(difficulty)
  let present = Set(players)
  for (offset, player) in players.enumerated() {
    #expect(!game.everyoneLocked(among: present))
    for _ in 0..<offset { game.move(player, .right) }
    let locked = game.lock(player)
    #expect(locked)
    let lockedMoved = game.move(player, .left)
    #expect(!lockedMoved, "a locked answer moved")
  }
  #expect(game.everyoneLocked(among: present))
  #expect(game.view.revealedAnswer == nil)
  game.reveal()
  #expect(game.view.revealedAnswer == game.answerIndex)
  let reopenedAfterReveal = game.unlock(players[0])
  #expect(!reopenedAfterReveal, "an answer reopened after the reveal")
}

@Test(arguments: Difficulty.allCases)
func whichScentWelcomesEveryAnswerAtEasyOnly(_ difficulty: Difficulty) {
  for choice in 0..<WhichScentGame.choiceCount(at: difficulty) {
    var game = deal(difficulty)
    let player = players[0]
    for _ in 0..<choice { game.move(player, .right) }
    game.lock(player)
    game.reveal()
    let expected: AnswerOutcome =
      choice == game.answerIndex ? .matched : (difficulty == .easy ? .welcomed : .missed)
    #expect(game.outcome(for: player) == expected)
  }
}

@Test func whichScentCursorsStopAtTheEdgesAndALongPressReopensAnAnswer() {
  var game = deal(.hard)
  let player = players[1]
  let movedPastTheStart = game.move(player, .left)
  #expect(!movedPastTheStart)
  for _ in 0..<10 { game.move(player, .right) }
  #expect(game.cursors[player] == 3)
  game.lock(player)
  let reopened = game.unlock(player)
  #expect(reopened)
  let movedAgain = game.move(player, .left)
  #expect(movedAgain)
  #expect(game.cursors[player] == 2)
}

@Test func whichScentDealsTheSameWayForTheSameSeed() {
  #expect(deal(.hard, seed: 42) == deal(.hard, seed: 42))
  #expect((1...20).map { deal(.hard, seed: $0).choiceScents }.contains { $0 != deal(.hard, seed: 42).choiceScents })
}
