import SessionModel

/// "Autrefois et aujourd'hui": one picture at a time, each player puts it in the past or the present.
///
/// Answers are revealed together; the picture then joins its pile, so the two piles grow
/// as a shared result of the group rather than a score.
public struct ThenAndNowGame: Hashable, Sendable {
  /// 4 pictures at easy, 6 at medium, 8 at hard.
  public static func pictureCount(at difficulty: Difficulty) -> Int { difficulty.picturesDealt }

  public let difficulty: Difficulty
  public let pictures: [ThenAndNowPicture]
  public private(set) var index = 0
  /// Each player's side: false = autrefois (left), true = aujourd'hui (right); absent until they move.
  public private(set) var answers = HiddenAnswers<Bool>()
  public private(set) var sortedThen: [PictureChoice] = []
  public private(set) var sortedNow: [PictureChoice] = []

  /// Deals the pictures; `nil` when there is none to deal.
  public init?<Generator: RandomNumberGenerator>(
    pictures available: [ThenAndNowPicture], difficulty: Difficulty, using generator: inout Generator
  ) {
    guard !available.isEmpty else { return nil }
    self.difficulty = difficulty
    self.pictures = Array(available.shuffled(using: &generator).prefix(Self.pictureCount(at: difficulty)))
  }

  public var current: ThenAndNowPicture { pictures[index] }
  public var hasNextPicture: Bool { index + 1 < pictures.count }
  /// True once the last picture has been revealed.
  public var isFinished: Bool { isRevealed && !hasNextPicture }

  public var cursors: [PlayerNumber: Bool] { answers.cursors }
  public var locked: Set<PlayerNumber> { answers.locked }
  public var isRevealed: Bool { answers.isRevealed }

  /// Left chooses autrefois, right aujourd'hui; up and down do nothing here.
  @discardableResult
  public mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    switch direction {
    case .left: answers.point(player, at: false)
    case .right: answers.point(player, at: true)
    case .up, .down: false
    }
  }

  /// Keeps the chosen side; a player who has not chosen a side yet cannot lock.
  @discardableResult
  public mutating func lock(_ player: PlayerNumber) -> Bool { answers.lock(player) }

  @discardableResult
  public mutating func unlock(_ player: PlayerNumber) -> Bool { answers.unlock(player) }

  public func everyoneLocked(among players: Set<PlayerNumber>) -> Bool { answers.everyoneLocked(among: players) }

  /// Shows where the picture belongs and puts it on its pile.
  public mutating func reveal() {
    guard answers.reveal() else { return }
    if current.isNow { sortedNow.append(current.picture) } else { sortedThen.append(current.picture) }
  }

  /// Moves on to the next picture after a reveal; returns whether there was one.
  @discardableResult
  public mutating func advance() -> Bool {
    guard isRevealed, hasNextPicture else { return false }
    index += 1
    answers = HiddenAnswers()
    return true
  }

  public func outcome(for player: PlayerNumber) -> AnswerOutcome? {
    answers.answer(of: player).map { .of($0 == current.isNow, at: difficulty) }
  }

  public var view: ThenAndNowView {
    ThenAndNowView(
      picture: current.picture, cursors: cursors, locked: locked, revealedIsNow: isRevealed ? current.isNow : nil,
      sortedThen: sortedThen, sortedNow: sortedNow)
  }
}
