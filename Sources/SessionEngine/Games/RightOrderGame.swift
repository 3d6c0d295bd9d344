import SessionModel

/// "Le bon ordre": the group puts the pictures of a process back in the order it happens.
///
/// Each process is laid out in a row with some steps missing; the player whose turn it is moves
/// the shared cursor to a place and presses A. The right place keeps the picture and the turn
/// passes; any other place sends it back, gently, and after a few tries the right place lights
/// up. So every process ends complete: nobody can fail, only take a little longer. At easy only
/// one picture is missing and the cursor starts on its place, so one press is enough.
public struct RightOrderGame: Hashable, Sendable {
  /// 2 processes at easy, 3 at medium and hard.
  public static func sequenceCount(at difficulty: Difficulty) -> Int {
    switch difficulty {
    case .easy: 2
    case .medium, .hard: 3
    }
  }

  /// How many steps of a process are missing: 1 at easy, 2 at medium, every one at hard.
  public static func missingCount(at difficulty: Difficulty, of steps: Int) -> Int {
    switch difficulty {
    case .easy: min(1, steps)
    case .medium: min(2, steps)
    case .hard: steps
    }
  }

  /// Tries in the wrong place before the right one lights up: 1 at easy, 2 at medium, 3 at hard.
  public static func triesBeforeHint(at difficulty: Difficulty) -> Int {
    switch difficulty {
    case .easy: 1
    case .medium: 2
    case .hard: 3
    }
  }

  /// One process as dealt: its steps and which of them the players place, in the order offered.
  struct Deal: Hashable, Sendable {
    let sequence: RightOrderSequence
    let offered: [Int]
  }

  public let difficulty: Difficulty
  let deals: [Deal]
  public private(set) var index = 0
  /// The step in each place, `nil` while empty.
  private var placed: [Int?] = []
  /// The steps still to place, the one offered now first.
  private var toPlace: [Int] = []
  public private(set) var cursor = 0
  private var turn: TurnOrder
  /// Places the current picture came back from, and how often it did.
  private var tried: Set<Int> = []
  private var wrongTries = 0
  /// Presses that tried a place, right or not.
  public private(set) var attempts = 0
  public private(set) var completedSequences = 0

  /// Deals the processes and their missing steps; `nil` when there is no process of two steps or more.
  public init?<Generator: RandomNumberGenerator>(
    sequences available: [RightOrderSequence], difficulty: Difficulty, players: [PlayerNumber],
    using generator: inout Generator
  ) {
    let playable = available.filter { $0.steps.count >= 2 }
    guard !playable.isEmpty else { return nil }
    let chosen = playable.shuffled(using: &generator).prefix(Self.sequenceCount(at: difficulty))
    deals = chosen.map { sequence in
      let missing = Self.missingCount(at: difficulty, of: sequence.steps.count)
      return Deal(
        sequence: sequence, offered: Array(sequence.steps.indices.shuffled(using: &generator).prefix(missing)))
    }
    self.difficulty = difficulty
    turn = TurnOrder(players)
    lay(deals[0])
  }

  public var sequence: RightOrderSequence { deals[index].sequence }
  /// The step to place now; `nil` once the process is complete.
  public var currentStep: Int? { toPlace.first }
  public var isSequenceComplete: Bool { toPlace.isEmpty }
  public var hasNextSequence: Bool { index + 1 < deals.count }
  /// True once the last process is complete.
  public var isFinished: Bool { isSequenceComplete && !hasNextSequence }
  public var playerToMove: PlayerNumber? { turn.playerToMove }
  /// The place the current picture belongs in, once the group has tried enough elsewhere.
  public var hint: Int? { wrongTries >= Self.triesBeforeHint(at: difficulty) ? currentStep : nil }

  public func canMove(_ player: PlayerNumber) -> Bool { turn.allows(player) }

  /// Moves the shared cursor one place left or right, stopping at the ends; up and down do nothing.
  @discardableResult
  public mutating func move(_ player: PlayerNumber, _ direction: PadDirection) -> Bool {
    guard canMove(player), !isSequenceComplete, direction == .left || direction == .right else { return false }
    let target = cursor + direction.step
    guard placed.indices.contains(target) else { return false }
    cursor = target
    return true
  }

  /// A press of A: puts the picture in the place under the cursor if it belongs there, else sends it back.
  public mutating func press(_ player: PlayerNumber) -> RightOrderPress {
    guard canMove(player), let step = currentStep else { return .ignored }
    attempts += 1
    guard cursor == step, placed[cursor] == nil else {
      tried.insert(cursor)
      wrongTries += 1
      return .bouncedBack
    }
    placed[cursor] = step
    toPlace.removeFirst()
    tried = []
    wrongTries = 0
    turn.pass()
    if isSequenceComplete {
      completedSequences += 1
    } else {
      cursor = firstEmptyPlace
    }
    return .placed
  }

  /// Moves on to the next process once this one is complete; returns whether there was one.
  @discardableResult
  public mutating func advance() -> Bool {
    guard isSequenceComplete, hasNextSequence else { return false }
    index += 1
    lay(deals[index])
    return true
  }

  /// Follows who is at the table: the turn skips players who left and includes those who came.
  public mutating func seat(_ connected: [PlayerNumber]) { turn.seat(connected) }

  /// How a press is received: a picture placed matched; one sent back is welcomed at easy.
  public func outcome(of press: RightOrderPress) -> AnswerOutcome? {
    switch press {
    case .ignored: nil
    case .placed: .matched
    case .bouncedBack: .of(false, at: difficulty)
    }
  }

  public var view: RightOrderView {
    let steps = sequence.steps
    return RightOrderView(
      title: sequence.title, slots: placed.map { $0.map { steps[$0] } }, picture: currentStep.map { steps[$0] },
      waiting: toPlace.dropFirst().map { steps[$0] }, cursor: cursor, playerToMove: playerToMove, triedSlots: tried,
      hint: hint)
  }

  private var firstEmptyPlace: Int { placed.firstIndex { $0 == nil } ?? 0 }

  /// Lays a process out with its missing steps empty; the cursor starts on the first empty place.
  private mutating func lay(_ deal: Deal) {
    placed = deal.sequence.steps.indices.map { deal.offered.contains($0) ? nil : $0 }
    toPlace = deal.offered
    tried = []
    wrongTries = 0
    cursor = firstEmptyPlace
  }
}
