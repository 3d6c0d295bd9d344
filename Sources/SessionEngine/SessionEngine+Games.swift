import SessionModel

extension SessionEngine {
  mutating func startGame(_ kind: GameKind, at now: UInt64) {
    guard let game = makeGame(kind, at: now) else {
      log("game.skipped", trialPayload(["game": kind.rawValue, "reason": "noMaterial"]))
      startEvocation()
      return
    }
    progress?.step = .game(game)
    log("game.started", trialPayload(["game": kind.rawValue, "difficulty": setup.difficulty.rawValue]))
  }

  private mutating func makeGame(_ kind: GameKind, at now: UInt64) -> GameInPlay? {
    guard let progress else { return nil }
    // The seed mixes the trial and the restart count, so a redo deals again but a replayed session deals the same.
    var generator = SplitMix64(
      seed: setup.seed ^ (UInt64(progress.trial.number) &* 0x9E37_79B9_7F4A_7C15) &+ UInt64(progress.gameRestarts))
    switch kind {
    case .whichScent:
      guard let answer = setup.scent(for: progress.trial),
        let scent = setup.scents[answer]
      else { return nil }
      if !progress.scentReleased, !release(answer, at: now) {
        log("scent.skipped", trialPayload(["scent": answer.rawValue, "reason": "safetyLimit"]))
      }
      return .whichScent(
        WhichScentGame(
          answer: scent, library: setup.scentLibrary, difficulty: setup.difficulty, players: seats.map(\.number),
          using: &generator))
    case .memoryPairs:
      return MemoryPairsGame(
        pictures: setup.memoryPictures, difficulty: setup.difficulty, players: connectedPlayers, using: &generator
      ).map { .memoryPairs($0) }
    case .thenAndNow:
      return ThenAndNowGame(pictures: setup.thenAndNowPictures, difficulty: setup.difficulty, using: &generator)
        .map { .thenAndNow($0) }
    }
  }

  var currentGame: GameInPlay? {
    guard case .game(let game) = progress?.step else { return nil }
    return game
  }

  /// A press in a game: a direction moves the player's cursor; A locks an answer or turns a card.
  mutating func gamePress(_ player: PlayerNumber, _ button: PadButton, at now: UInt64) {
    guard var game = currentGame else { return }
    if let direction = PadDirection(button) {
      let moved = game.move(player, direction)
      progress?.step = .game(game)
      if moved { play(.move) }
      return
    }
    guard button == .a else { return }
    if let index = seatIndex(of: player) { consumeHoldIfLocking(seats[index].pad, game, player) }
    switch game {
    case .whichScent(var rules):
      guard rules.lock(player) else { return }
      let choice = rules.choiceScents[rules.cursors[player] ?? 0]
      progress?.step = .game(.whichScent(rules))
      answered(player, ["choice": choice.rawValue])
    case .thenAndNow(var rules):
      guard rules.lock(player) else { return }
      progress?.step = .game(.thenAndNow(rules))
      answered(
        player, ["picture": rules.current.picture.image, "side": rules.cursors[player] == true ? "now" : "then"])
    case .memoryPairs(var rules):
      let card = rules.cursor
      let result = rules.press(player, at: now)
      progress?.step = .game(.memoryPairs(rules))
      turned(card, by: player, result, in: rules)
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
    guard result != .ignored else { return }
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

  /// A press that locks an answer cannot also reopen it by being held.
  private mutating func consumeHoldIfLocking(_ pad: PadID, _ game: GameInPlay, _ player: PlayerNumber) {
    if !game.hasLocked(player) { consumeHold(of: pad) }
  }

  /// Shows every answer together once each connected player has locked one.
  mutating func revealIfEveryoneLocked() {
    guard let game = currentGame else { return }
    let present = Set(connectedPlayers)
    switch game {
    case .whichScent(let rules) where !rules.isRevealed && rules.everyoneLocked(among: present): reveal()
    case .thenAndNow(let rules) where !rules.isRevealed && rules.everyoneLocked(among: present): reveal()
    default: break
    }
  }

  /// Reveals the current question: answers together, the right picture highlighted, nobody singled out.
  mutating func reveal() {
    guard var game = currentGame else { return }
    var payload = ["game": game.kind.rawValue]
    switch game {
    case .whichScent(var rules):
      guard !rules.isRevealed else { return }
      rules.reveal()
      payload["answer"] = rules.answer.rawValue
      payload["outcomes"] = outcomes(rules.locked) { rules.outcome(for: $0) }
      game = .whichScent(rules)
    case .thenAndNow(var rules):
      guard !rules.isRevealed else { return }
      rules.reveal()
      payload["picture"] = rules.current.picture.image
      payload["answer"] = rules.current.isNow ? "now" : "then"
      payload["outcomes"] = outcomes(rules.locked) { rules.outcome(for: $0) }
      game = .thenAndNow(rules)
    case .memoryPairs:
      return
    }
    progress?.step = .game(game)
    log("game.revealed", trialPayload(payload))
    play(.reveal)
  }

  private func outcomes(_ players: Set<PlayerNumber>, _ outcome: (PlayerNumber) -> AnswerOutcome?) -> String {
    players.sorted().compactMap { player in outcome(player).map { "\(player):\($0.rawValue)" } }.joined(separator: ",")
  }

  /// Space during a game: reveal, then the next picture, then the evocation.
  mutating func gameNext(at now: UInt64) {
    guard let game = currentGame else { return }
    switch game {
    case .whichScent(let rules):
      if !rules.isRevealed { return reveal() }
    case .thenAndNow(var rules):
      if !rules.isRevealed { return reveal() }
      if rules.advance() {
        progress?.step = .game(.thenAndNow(rules))
        log("game.nextPicture", trialPayload(["game": game.kind.rawValue, "picture": rules.current.picture.image]))
        return
      }
    case .memoryPairs:
      break
    }
    endGame(reason: "next")
  }

  mutating func endGame(reason: String) {
    guard let game = currentGame else { return }
    var payload = ["game": game.kind.rawValue, "reason": reason]
    if case .memoryPairs(let rules) = game {
      payload["pairsFound"] = String(rules.matchedPairs)
      payload["finished"] = String(rules.isFinished)
    }
    log("game.ended", trialPayload(payload))
    startEvocation()
  }

  mutating func restartGame(at now: UInt64) {
    guard let game = currentGame else { return }
    progress?.gameRestarts += 1
    log("game.restarted", trialPayload(["game": game.kind.rawValue]))
    startGame(game.kind, at: now)
  }

  private mutating func unlockGameAnswer(of player: PlayerNumber) -> Bool {
    guard let game = currentGame else { return false }
    switch game {
    case .whichScent(var rules):
      guard rules.unlock(player) else { return false }
      progress?.step = .game(.whichScent(rules))
    case .thenAndNow(var rules):
      guard rules.unlock(player) else { return false }
      progress?.step = .game(.thenAndNow(rules))
    case .memoryPairs:
      return false
    }
    return true
  }

  /// A long press on a locked answer opens it again (before the reveal).
  mutating func unlockAnswer(of player: PlayerNumber) {
    guard unlockGameAnswer(of: player) else { return }
    log("game.answerReopened", trialPayload(["player": player.description]))
    play(.move)
  }

  /// Keeps each game in step with who is at the table.
  mutating func playersChanged() {
    guard let game = currentGame else { return }
    switch game {
    case .whichScent(var rules):
      for player in seats.map(\.number) { rules.join(player) }
      progress?.step = .game(.whichScent(rules))
    case .memoryPairs(var rules):
      rules.seat(connectedPlayers)
      progress?.step = .game(.memoryPairs(rules))
    case .thenAndNow:
      break
    }
  }

  mutating func settleMemoryCards(at now: UInt64) {
    guard case .memoryPairs(var rules) = currentGame, rules.settle(at: now) else { return }
    progress?.step = .game(.memoryPairs(rules))
  }
}
