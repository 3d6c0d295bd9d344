import SessionModel

/// The game of the current trial, whichever it is.
///
/// Only this type tells the games apart: the engine asks it what a press, a reveal, a next or a
/// newcomer does, and logs what it answers. "Quelle odeur ?" and "Autrefois et aujourd'hui" hide
/// each player's answer until the reveal; memory pairs and "Le bon ordre" have no answers to hide:
/// the group plays them together, one shared cursor and a turn that passes.
enum GameInPlay: Hashable, Sendable {
  case whichScent(WhichScentGame)
  case memoryPairs(MemoryPairsGame)
  case thenAndNow(ThenAndNowGame)
  case rightOrder(RightOrderGame)

  var kind: GameKind {
    switch self {
    case .whichScent: .whichScent
    case .memoryPairs: .memoryPairs
    case .thenAndNow: .thenAndNow
    case .rightOrder: .rightOrder
    }
  }

  var content: SceneContent {
    switch self {
    case .whichScent(let game): .whichScent(game.view)
    case .memoryPairs(let game): .memoryPairs(game.view)
    case .thenAndNow(let game): .thenAndNow(game.view)
    case .rightOrder(let game): .rightOrder(game.view)
    }
  }

  func hasLocked(_ player: PlayerNumber) -> Bool {
    switch self {
    case .whichScent(let game): game.locked.contains(player)
    case .thenAndNow(let game): game.locked.contains(player)
    case .memoryPairs, .rightOrder: false
    }
  }

  /// True while the answers are hidden: the next step is to show them.
  var awaitsReveal: Bool {
    switch self {
    case .whichScent(let game): !game.isRevealed
    case .thenAndNow(let game): !game.isRevealed
    case .memoryPairs, .rightOrder: false
    }
  }

  /// True while the answers are hidden and every one of `players` has locked one.
  func isReadyToReveal(among players: Set<PlayerNumber>) -> Bool {
    switch self {
    case .whichScent(let game): !game.isRevealed && game.everyoneLocked(among: players)
    case .thenAndNow(let game): !game.isRevealed && game.everyoneLocked(among: players)
    case .memoryPairs, .rightOrder: false
    }
  }

  /// Moves the player's cursor in whichever game this is; returns whether it moved.
  mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    switch self {
    case .whichScent(var rules):
      defer { self = .whichScent(rules) }
      return rules.move(player, direction)
    case .memoryPairs(var rules):
      defer { self = .memoryPairs(rules) }
      return rules.move(player, direction)
    case .thenAndNow(var rules):
      defer { self = .thenAndNow(rules) }
      return rules.move(player, direction)
    case .rightOrder(var rules):
      defer { self = .rightOrder(rules) }
      return rules.move(player, direction)
    }
  }

  /// A press of A: locks the answer under the player's cursor, or turns the card or places the
  /// picture under the shared one.
  ///
  /// The game is left as it was when the press is ignored.
  mutating func press(_ player: PlayerNumber, at now: UInt64) -> GamePress {
    switch self {
    case .whichScent(var rules):
      guard rules.lock(player) else { return .ignored }
      self = .whichScent(rules)
      return .answered(["choice": rules.choiceScents[rules.cursors[player] ?? 0].rawValue])
    case .thenAndNow(var rules):
      guard rules.lock(player) else { return .ignored }
      self = .thenAndNow(rules)
      return .answered(
        ["picture": rules.current.picture.image, "side": rules.cursors[player] == true ? "now" : "then"])
    case .memoryPairs(var rules):
      let card = rules.cursor
      let result = rules.press(player, at: now)
      guard result != .ignored else { return .ignored }
      self = .memoryPairs(rules)
      return .turned(card: card, result, rules)
    case .rightOrder(var rules):
      guard let step = rules.currentStep else { return .ignored }
      let picture = rules.sequence.steps[step]
      let place = rules.cursor
      let result = rules.press(player)
      guard result != .ignored else { return .ignored }
      self = .rightOrder(rules)
      return .placed(picture, in: place, result, rules)
    }
  }

  /// Shows the hidden answers; the log payload of what was shown, or `nil` when there was nothing to show.
  mutating func reveal() -> [String: String]? {
    var payload = ["game": kind.rawValue]
    switch self {
    case .whichScent(var rules):
      guard !rules.isRevealed else { return nil }
      rules.reveal()
      payload["answer"] = rules.answer.rawValue
      payload["outcomes"] = Self.outcomes(rules.locked) { rules.outcome(for: $0) }
      self = .whichScent(rules)
    case .thenAndNow(var rules):
      guard !rules.isRevealed else { return nil }
      rules.reveal()
      payload["picture"] = rules.current.picture.image
      payload["answer"] = rules.current.isNow ? "now" : "then"
      payload["outcomes"] = Self.outcomes(rules.locked) { rules.outcome(for: $0) }
      self = .thenAndNow(rules)
    case .memoryPairs, .rightOrder:
      return nil
    }
    return payload
  }

  /// Moves on to the next question after a reveal; its picture, or `nil` when the game has none left.
  mutating func advance() -> String? {
    switch self {
    case .thenAndNow(var rules):
      guard rules.advance() else { return nil }
      self = .thenAndNow(rules)
      return rules.current.picture.image
    case .rightOrder(var rules):
      guard rules.advance(), let step = rules.currentStep else { return nil }
      self = .rightOrder(rules)
      return rules.sequence.steps[step].image
    case .whichScent, .memoryPairs:
      return nil
    }
  }

  /// Opens a locked answer again, before the reveal; returns whether it did.
  mutating func unlock(_ player: PlayerNumber) -> Bool {
    switch self {
    case .whichScent(var rules):
      defer { self = .whichScent(rules) }
      return rules.unlock(player)
    case .thenAndNow(var rules):
      defer { self = .thenAndNow(rules) }
      return rules.unlock(player)
    case .memoryPairs, .rightOrder:
      return false
    }
  }

  /// Follows who is at the table: every seated player has a cursor, and the turn of the games
  /// played together passes only among the connected ones.
  mutating func seat(_ seated: [PlayerNumber], connected: [PlayerNumber]) {
    switch self {
    case .whichScent(var rules):
      for player in seated { rules.join(player) }
      self = .whichScent(rules)
    case .memoryPairs(var rules):
      rules.seat(connected)
      self = .memoryPairs(rules)
    case .rightOrder(var rules):
      rules.seat(connected)
      self = .rightOrder(rules)
    case .thenAndNow:
      break
    }
  }

  /// Turns a memory mismatch back once the calm delay has passed; returns whether it did.
  mutating func settle(at now: UInt64) -> Bool {
    switch self {
    case .memoryPairs(var rules):
      guard rules.settle(at: now) else { return false }
      self = .memoryPairs(rules)
      return true
    case .whichScent, .thenAndNow, .rightOrder:
      return false
    }
  }

  /// What the log keeps when the game ends, besides its kind and why: for the games played
  /// together, how far the group got.
  var endDetails: [String: String] {
    switch self {
    case .memoryPairs(let rules): ["pairsFound": String(rules.matchedPairs), "finished": String(rules.isFinished)]
    case .rightOrder(let rules):
      ["sequencesCompleted": String(rules.completedSequences), "finished": String(rules.isFinished)]
    case .whichScent, .thenAndNow: [:]
    }
  }

  private static func outcomes(_ players: Set<PlayerNumber>, _ outcome: (PlayerNumber) -> AnswerOutcome?) -> String {
    players.sorted().compactMap { player in outcome(player).map { "\(player):\($0.rawValue)" } }.joined(separator: ",")
  }
}
