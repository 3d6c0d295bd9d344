import SessionModel

extension SessionEngine {
  mutating func startGame(_ kind: GameKind, at now: UInt64) {
    guard let game = makeGame(kind, at: now) else {
      log("game.skipped", trialPayload(["game": kind.rawValue, "reason": GameSkipReason.noMaterial.logged]))
      startEvocation()
      return
    }
    stage.trial?.step = .game(game)
    log("game.started", trialPayload(["game": kind.rawValue, "difficulty": setup.difficulty(of: kind).rawValue]))
  }

  private mutating func makeGame(_ kind: GameKind, at now: UInt64) -> GameInPlay? {
    guard let progress = stage.trial else { return nil }
    // The seed mixes the trial and the restart count, so a redo deals again but a replayed session deals the same.
    var generator = SplitMix64(
      seed: setup.seed ^ (UInt64(progress.trial.number) &* 0x9E37_79B9_7F4A_7C15) &+ UInt64(progress.gameRestarts))
    switch kind {
    case .whichScent:
      guard let answer = setup.scent(for: progress.trial),
        let scent = setup.scents[answer]
      else { return nil }
      if !progress.scentReleased, !release(answer, at: now) {
        log("scent.skipped", trialPayload(["scent": answer.rawValue, "reason": ScentSkipReason.safetyLimit.logged]))
      }
      return .whichScent(
        WhichScentGame(
          answer: scent, library: setup.scentLibrary, difficulty: setup.difficulty(of: kind),
          players: seats.map(\.number),
          using: &generator))
    case .memoryPairs:
      return MemoryPairsGame(
        pictures: setup.memoryPictures, difficulty: setup.difficulty(of: kind), players: connectedPlayers,
        using: &generator
      ).map { .memoryPairs($0) }
    case .thenAndNow:
      return ThenAndNowGame(
        pictures: setup.thenAndNowPictures, difficulty: setup.difficulty(of: kind), using: &generator
      )
      .map { .thenAndNow($0) }
    case .rightOrder:
      return RightOrderGame(
        sequences: setup.rightOrderSequences, difficulty: setup.difficulty(of: kind), players: connectedPlayers,
        using: &generator
      ).map { .rightOrder($0) }
    }
  }

  var currentGame: GameInPlay? {
    guard case .game(let game) = stage.trial?.step else { return nil }
    return game
  }

  /// A press in a game: a direction moves the player's cursor; A locks an answer or turns a card.
  mutating func gamePress(_ player: PlayerNumber, _ button: PadButton, at now: UInt64) {
    guard var game = currentGame else { return }
    if let direction = PadDirection(button) {
      let moved = game.move(player, direction)
      stage.trial?.step = .game(game)
      if moved { play(.move) }
      return
    }
    guard button == .a else { return }
    if let index = seatIndex(of: player) { consumeHoldIfLocking(seats[index].pad, game, player) }
    let press = game.press(player, at: now)
    stage.trial?.step = .game(game)
    switch press {
    case .ignored: break
    case .answered(let details): answered(player, details)
    case .turned(let card, let result, let rules): turned(card, by: player, result, in: rules)
    case .placed(let picture, let place, let result, let rules): placed(picture, in: place, by: player, result, rules)
    }
  }

  /// A locked answer: logged, acknowledged softly, and revealed with the others once everyone has answered.
  private mutating func answered(_ player: PlayerNumber, _ details: [String: String]) {
    let game = currentGame?.kind.rawValue ?? ""
    log("game.answer", trialPayload(details.merging(["game": game, "player": player.description]) { mine, _ in mine }))
    play(.confirm)
    revealIfEveryoneLocked()
  }

  private mutating func turned(_ card: Int, by player: PlayerNumber, _ result: MemoryPress, in rules: MemoryPairsGame) {
    let game = GameKind.memoryPairs.rawValue
    log(
      "game.flip",
      trialPayload(["game": game, "player": player.description, "card": String(card), "result": result.rawValue]))
    switch result {
    case .matched:
      play(.reveal)
      if rules.isFinished { log("game.finished", trialPayload(["game": game, "attempts": String(rules.attempts)])) }
    case .flipped, .mismatched: play(.confirm)
    case .turnedBack, .ignored: break
    }
  }

  /// A picture tried in a place: logged with how it was received; a wrong place only sends it back, softly.
  private mutating func placed(
    _ picture: PictureChoice, in place: Int, by player: PlayerNumber, _ result: RightOrderPress,
    _ rules: RightOrderGame
  ) {
    let game = GameKind.rightOrder.rawValue
    var payload = [
      "game": game, "player": player.description, "picture": picture.image, "place": String(place),
      "result": result.rawValue,
    ]
    payload["outcome"] = rules.outcome(of: result)?.rawValue
    log("game.place", trialPayload(payload))
    switch result {
    case .placed where rules.isSequenceComplete:
      play(.reveal)
      if rules.isFinished { log("game.finished", trialPayload(["game": game, "attempts": String(rules.attempts)])) }
    case .placed: play(.confirm)
    case .bouncedBack: play(.move)
    case .ignored: break
    }
  }

  /// A press that locks an answer cannot also reopen it by being held.
  private mutating func consumeHoldIfLocking(_ pad: PadID, _ game: GameInPlay, _ player: PlayerNumber) {
    if !game.hasLocked(player) { consumeHold(of: pad) }
  }

  /// Shows every answer together once each connected player has locked one.
  mutating func revealIfEveryoneLocked() {
    guard let game = currentGame, game.isReadyToReveal(among: Set(connectedPlayers)) else { return }
    reveal()
  }

  /// Reveals the current question: answers together, the right picture highlighted, nobody singled out.
  mutating func reveal() {
    guard var game = currentGame, let payload = game.reveal() else { return }
    stage.trial?.step = .game(game)
    log("game.revealed", trialPayload(payload))
    play(.reveal)
  }

  /// Space during a game: reveal, then the next picture, then the evocation.
  mutating func gameNext(at now: UInt64) {
    guard var game = currentGame else { return }
    if game.awaitsReveal { return reveal() }
    if let picture = game.advance() {
      stage.trial?.step = .game(game)
      log("game.nextPicture", trialPayload(["game": game.kind.rawValue, "picture": picture]))
      return
    }
    endGame(reason: .next)
  }

  mutating func endGame(reason: GameEndReason) {
    guard let game = currentGame else { return }
    let payload = game.endDetails.merging(["game": game.kind.rawValue, "reason": reason.logged]) { mine, _ in mine }
    log("game.ended", trialPayload(payload))
    startEvocation()
  }

  mutating func restartGame(at now: UInt64) {
    guard let game = currentGame else { return }
    stage.trial?.gameRestarts += 1
    log("game.restarted", trialPayload(["game": game.kind.rawValue]))
    startGame(game.kind, at: now)
  }

  /// A long press on a locked answer opens it again (before the reveal).
  mutating func unlockAnswer(of player: PlayerNumber) {
    guard var game = currentGame, game.unlock(player) else { return }
    stage.trial?.step = .game(game)
    log("game.answerReopened", trialPayload(["player": player.description]))
    play(.move)
  }

  /// Keeps each game in step with who is at the table.
  mutating func playersChanged() {
    guard var game = currentGame else { return }
    game.seat(seats.map(\.number), connected: connectedPlayers)
    stage.trial?.step = .game(game)
  }

  mutating func settleMemoryCards(at now: UInt64) {
    guard var game = currentGame, game.settle(at: now) else { return }
    stage.trial?.step = .game(game)
  }
}
