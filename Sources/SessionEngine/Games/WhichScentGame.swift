import SessionModel

/// "Quelle odeur ?": each player points at the picture of the scent they smell, then all are shown together.
///
/// Distractors come from other scent families first, so that the choice is about the
/// scent and not about telling apple from pear. Nobody sees anyone's answer before the reveal.
public struct WhichScentGame: Hashable, Sendable {
  /// 2 pictures at easy, 3 at medium, 4 at hard.
  public static func choiceCount(at difficulty: Difficulty) -> Int {
    switch difficulty {
    case .easy: 2
    case .medium: 3
    case .hard: 4
    }
  }

  public let difficulty: Difficulty
  public let answer: ScentID
  /// The scent behind each picture, in screen order.
  public let choiceScents: [ScentID]
  public let choices: [PictureChoice]
  public private(set) var answers = HiddenAnswers<Int>()

  public init<Generator: RandomNumberGenerator>(
    answer: Scent, library: [Scent], difficulty: Difficulty, players: [PlayerNumber],
    using generator: inout Generator
  ) {
    let others = library.filter { $0.id != answer.id }.sorted { $0.id < $1.id }
    let otherFamilies = others.filter { $0.family != answer.family }.shuffled(using: &generator)
    let sameFamily = others.filter { $0.family == answer.family }.shuffled(using: &generator)
    let distractors = (otherFamilies + sameFamily).prefix(Self.choiceCount(at: difficulty) - 1)
    let picked = ([answer] + distractors).shuffled(using: &generator)
    self.difficulty = difficulty
    self.answer = answer.id
    self.choiceScents = picked.map(\.id)
    self.choices = picked.map { PictureChoice(image: $0.image, label: $0.name) }
    for player in players { answers.offer(0, to: player) }
  }

  public var answerIndex: Int { choiceScents.firstIndex(of: answer)! }

  public var cursors: [PlayerNumber: Int] { answers.cursors }
  public var locked: Set<PlayerNumber> { answers.locked }
  public var isRevealed: Bool { answers.isRevealed }

  /// Gives a player who joined late a cursor of their own.
  public mutating func join(_ player: PlayerNumber) {
    answers.offer(0, to: player)
  }

  /// Moves the player's cursor one picture, stopping at the ends; returns whether it moved.
  @discardableResult
  public mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    let current = cursors[player] ?? 0
    return answers.point(player, at: max(0, min(choices.count - 1, current + direction.step)))
  }

  /// Keeps the picture under the player's cursor; returns whether anything changed.
  @discardableResult
  public mutating func lock(_ player: PlayerNumber) -> Bool {
    join(player)
    return answers.lock(player)
  }

  /// Lets a player choose again (a long press: changing one's mind costs a little effort).
  @discardableResult
  public mutating func unlock(_ player: PlayerNumber) -> Bool { answers.unlock(player) }

  public func everyoneLocked(among players: Set<PlayerNumber>) -> Bool { answers.everyoneLocked(among: players) }

  public mutating func reveal() { _ = answers.reveal() }

  /// How the player's locked answer is received; `nil` before they lock.
  public func outcome(for player: PlayerNumber) -> AnswerOutcome? {
    answers.answer(of: player).map { .of($0 == answerIndex, at: difficulty) }
  }

  public var view: WhichScentView {
    WhichScentView(
      choices: choices, cursors: cursors, locked: locked, revealedAnswer: isRevealed ? answerIndex : nil)
  }
}
