import SessionModel

/// Memory pairs played by the whole group: one shared cursor, the turn passing from player to player.
///
/// There is no score and no way to lose: every pair is eventually found, and a mismatch
/// simply turns back, after the next press or a calm delay, whichever comes first.
public struct MemoryPairsGame: Hashable, Sendable {
  /// 4 pairs at easy, 6 at medium, 8 at hard.
  public static func pairCount(at difficulty: Difficulty) -> Int { difficulty.picturesDealt }

  /// How long a mismatched pair stays face up when nobody presses: long enough to look, never hurried.
  public static let calmDelayNanoseconds: UInt64 = 3_000_000_000

  struct Card: Hashable, Sendable {
    let pair: Int
    var isFaceUp = false
    var isMatched = false
  }

  struct Mismatch: Hashable, Sendable {
    let first: Int
    let second: Int
    let since: UInt64
  }

  public let pictures: [PictureChoice]
  public let columns: Int
  private(set) var cards: [Card]
  public private(set) var cursor = 0
  private var turn: TurnOrder
  /// Pairs of cards turned so far, found or not.
  public private(set) var attempts = 0
  private var mismatch: Mismatch?

  /// Deals the cards; `nil` when there is no picture to deal.
  public init?<Generator: RandomNumberGenerator>(
    pictures available: [PictureChoice], difficulty: Difficulty, players: [PlayerNumber],
    using generator: inout Generator
  ) {
    guard !available.isEmpty else { return nil }
    let chosen = Array(available.shuffled(using: &generator).prefix(Self.pairCount(at: difficulty)))
    pictures = chosen
    cards = chosen.indices.flatMap { [Card(pair: $0), Card(pair: $0)] }.shuffled(using: &generator)
    columns = min(4, cards.count)
    turn = TurnOrder(players)
  }

  /// The order the turn passes in: the connected players, by seat.
  public var players: [PlayerNumber] { turn.players }
  /// `nil` when nobody is connected: then anyone may move.
  public var playerToMove: PlayerNumber? { turn.playerToMove }

  public var cardCount: Int { cards.count }
  public var isFinished: Bool { cards.allSatisfy(\.isMatched) }
  public var matchedPairs: Int { cards.count(where: \.isMatched) / 2 }

  public func canMove(_ player: PlayerNumber) -> Bool { turn.allows(player) }

  /// Moves the shared cursor: left and right by one card, up and down by one row, stopping at the edges.
  @discardableResult
  public mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    guard canMove(player), !isFinished else { return false }
    let distance = (direction == .up || direction == .down) ? columns : 1
    let target = cursor + direction.step * distance
    guard cards.indices.contains(target) else { return false }
    cursor = target
    return true
  }

  /// Puts the cursor on a card directly (for tests and strategies), as a run of moves would.
  public mutating func point(at card: Int) {
    guard cards.indices.contains(card) else { return }
    cursor = card
  }

  /// A press of A by `player`: turns the card under the cursor, or turns a mismatch back.
  public mutating func press(_ player: PlayerNumber, at now: UInt64) -> MemoryPress {
    guard canMove(player), !isFinished else { return .ignored }
    if mismatch != nil {
      turnBack()
      return .turnedBack
    }
    guard !cards[cursor].isFaceUp else { return .ignored }
    let first = cards.indices.first { cards[$0].isFaceUp && !cards[$0].isMatched }
    cards[cursor].isFaceUp = true
    guard let first else { return .flipped }
    attempts += 1
    turn.pass()
    if cards[first].pair == cards[cursor].pair {
      cards[first].isMatched = true
      cards[cursor].isMatched = true
      return .matched
    }
    mismatch = Mismatch(first: first, second: cursor, since: now)
    return .mismatched
  }

  /// Turns a mismatch back once the calm delay has passed; returns whether it did.
  @discardableResult
  public mutating func settle(at now: UInt64) -> Bool {
    guard let mismatch, now >= mismatch.since + Self.calmDelayNanoseconds else { return false }
    turnBack()
    return true
  }

  /// Follows who is at the table: the turn skips players who left and includes those who came.
  public mutating func seat(_ connected: [PlayerNumber]) { turn.seat(connected) }

  private mutating func turnBack() {
    guard let mismatch else { return }
    cards[mismatch.first].isFaceUp = false
    cards[mismatch.second].isFaceUp = false
    self.mismatch = nil
  }

  public var view: MemoryPairsView {
    MemoryPairsView(
      cards: cards.map {
        MemoryCardView(picture: pictures[$0.pair], isFaceUp: $0.isFaceUp || $0.isMatched, isMatched: $0.isMatched)
      },
      columns: columns, cursor: cursor, playerToMove: playerToMove)
  }
}
