import SessionEngine
import SessionModel
import Testing

/// Each game is played at the level the protocol gives it, not at the first game's.
@Suite struct GameDifficultyTests {
  static let levels: [GameKind: Difficulty] = [.memoryPairs: .hard, .thenAndNow: .medium]

  @Test(arguments: [(GameKind.memoryPairs, Difficulty.hard), (.thenAndNow, .medium), (.whichScent, .easy)])
  func eachGameIsPlayedAtItsOwnLevel(_ kind: GameKind, _ level: Difficulty) {
    var setup = Material.setup([Material.trial(1, "verger", .imageGame, game: kind)], kind: .animation)
    setup.gameDifficulties = Self.levels
    var driver = Driver(setup)
    driver.run(Step.joinAndStart(pads: [1, 2]) + Step.key(.next))
    let started = driver.commands.compactMap { entry -> String? in
      guard case .log(let event) = entry.command, case let (type, payload) = (event.type, event.payload),
        type.rawValue == "game.started"
      else { return nil }
      return payload["difficulty"]
    }
    #expect(started == [level.rawValue], "a game the protocol gives no level keeps the session's (easy)")
  }

  @Test func aHardMemoryGameDealsTheHardNumberOfPairs() throws {
    var setup = Material.setup([Material.trial(1, "verger", .imageGame, game: .memoryPairs)], kind: .animation)
    setup.gameDifficulties = Self.levels
    var driver = Driver(setup)
    driver.run(Step.joinAndStart(pads: [1, 2]) + Step.key(.next))
    guard case .memoryPairs(let view) = try #require(driver.lastScene).content else {
      Issue.record("expected the memory game on screen")
      return
    }
    #expect(view.cards.count == 2 * MemoryPairsGame.pairCount(at: .hard))
    #expect(MemoryPairsGame.pairCount(at: .hard) != MemoryPairsGame.pairCount(at: .easy))
  }
}
