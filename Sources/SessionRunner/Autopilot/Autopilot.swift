import SessionModel

/// Plays a session by itself: virtual players join, choose avatars, play each game and answer,
/// and a virtual therapist moves the session on.
///
/// It only looks at the scene on screen, exactly as a person would, so the demo and the tour
/// exercise the real engine and the real pads rather than a script that could drift from them.
public struct Autopilot: Sendable {
  public let players: Int
  /// The last players, who join after the start, in the first evocation; the therapist names
  /// them at the next image (pause, their number in the group, resume).
  public let latecomers: Int
  public var pace: AutopilotPace

  private var sceneKey: String?
  private var sceneSince: UInt64 = 0
  private var lastActionAt: UInt64 = 0
  /// Actions decided for the current scene, performed one at a time.
  private var queue: [AutopilotAction] = []
  private var speakersThisTrial = 0
  private var currentTrialImage: String?
  private var hasJoined = false
  private var latecomersJoined = false
  private var latecomersNamed = false

  public init(players: Int, latecomers: Int = 0, pace: AutopilotPace) {
    precondition((1...PlayerNumber.all.count).contains(players), "the autopilot plays with 1 to 10 players")
    precondition((0..<players).contains(latecomers), "at least one player joins at the start")
    self.players = players
    self.latecomers = latecomers
    self.pace = pace
  }

  /// The players who join on the join screen.
  private var punctual: ClosedRange<Int> { 1...(players - latecomers) }
  private var late: Range<Int> { (players - latecomers + 1)..<(players + 1) }

  /// The next action for this scene at `now` (monotonic ns), or nil to wait.
  public mutating func nextAction(for scene: StageScene, at now: UInt64) -> AutopilotAction? {
    let key = Self.key(of: scene)
    if key != sceneKey {
      sceneKey = key
      sceneSince = now
      queue = plan(for: scene)
    }
    guard seconds(from: lastActionAt, to: now) >= pace.secondsBetweenActions else { return nil }
    if queue.isEmpty, let action = waitThenAct(on: scene, at: now) {
      queue.append(action)
    }
    guard !queue.isEmpty else { return nil }
    lastActionAt = now
    return queue.removeFirst()
  }

  /// What to do as soon as a scene appears.
  private mutating func plan(for scene: StageScene) -> [AutopilotAction] {
    switch scene.content {
    case .lobby:
      guard !hasJoined else { return [] }  // a later lobby is the calm card while a scent arrives
      hasJoined = true
      return punctual.map { .tap(player: $0, .a) }
    case .join(let view):
      // Whoever has no seat yet presses to sit down; each seated player looks at one other
      // avatar, then keeps it.
      let seated = Set(view.seats.map { playerIndex(of: $0.pad) })
      let newcomers = punctual.filter { !seated.contains($0) }.map { AutopilotAction.tap(player: $0, .a) }
      return newcomers
        + view.seats.filter { !$0.isConfirmed }.flatMap { seat -> [AutopilotAction] in
          let player = playerIndex(of: seat.pad)
          return [.tap(player: player, .right), .tap(player: player, .a)]
        }
    case .whichScent(let view):
      guard view.revealedAnswer == nil else { return [] }
      return whichScentMoves(in: view, players: scene.players)
    case .thenAndNow(let view):
      guard view.revealedIsNow == nil else { return [] }
      return thenAndNowMoves(in: view, players: scene.players)
    case .memoryPairs(let view):
      return memoryMoves(in: view)
    case .rightOrder(let view):
      return rightOrderMoves(in: view)
    case .evocation(let view):
      if view.image != currentTrialImage {
        currentTrialImage = view.image
        speakersThisTrial = 0
      }
      guard !late.isEmpty, !latecomersJoined else { return [] }
      latecomersJoined = true
      return late.map { .tap(player: $0, .a) }
    case .stimulus:
      // The image after the latecomers came: the therapist pauses to say who they are.
      return latecomersJoined && !latecomersNamed ? [.key(.pause)] : []
    case .pause:
      guard latecomersJoined, !latecomersNamed else { return [] }
      latecomersNamed = true
      // Virtual player n is the group's n-th member, as on the join screen.
      return late.map { .key(.giveFloor(to: PlayerNumber(rawValue: $0)!)) } + [.key(.pause)]
    case .thankYou, .console:
      return []
    }
  }

  /// What to do once a scene has been on screen long enough.
  private mutating func waitThenAct(on scene: StageScene, at now: UInt64) -> AutopilotAction? {
    let shown = seconds(from: sceneSince, to: now)
    switch scene.content {
    case .lobby, .pause, .thankYou, .console:
      return nil
    case .join(let view):
      guard view.seats.count == punctual.count && view.seats.allSatisfy(\.isConfirmed) else { return nil }
      return shown >= pace.secondsOnReveal ? .key(.next) : nil
    case .stimulus:
      return shown >= pace.secondsOnStimulus ? .key(.next) : nil
    case .whichScent(let view):
      guard view.revealedAnswer != nil else { return nil }
      return shown >= pace.secondsOnReveal ? .key(.next) : nil
    case .thenAndNow(let view):
      guard view.revealedIsNow != nil else { return nil }
      return shown >= pace.secondsOnReveal ? .key(.next) : nil
    case .memoryPairs(let view):
      if view.cards.allSatisfy(\.isMatched) { return shown >= pace.secondsOnReveal ? .key(.next) : nil }
      // A mismatch or a new turn changes the scene; plan again from what is on screen now.
      let moves = memoryMoves(in: view)
      return moves.first
    case .rightOrder(let view):
      if view.isComplete { return shown >= pace.secondsOnReveal ? .key(.next) : nil }
      // A picture placed or sent back changes the scene; plan again from what is on screen now.
      return rightOrderMoves(in: view).first
    case .evocation(let view):
      if view.speaker != nil {
        guard shown >= pace.secondsPerAnswer else { return nil }
        speakersThisTrial += 1
        return .key(.next)
      }
      guard shown >= pace.secondsBetweenActions * 2 else { return nil }
      if speakersThisTrial < min(pace.speakersPerTrial, scene.players.count) {
        let speaker = scene.players[speakersThisTrial % scene.players.count].number
        return .key(.giveFloor(to: speaker))
      }
      return .key(.next)
    }
  }

  /// Virtual pad n gets `PadID(n)` from the Stage when pads are plugged in one at a time.
  func playerIndex(of pad: PadID?) -> Int {
    guard let pad, (1...players).contains(pad.rawValue) else { return 1 }
    return pad.rawValue
  }

  private func seconds(from start: UInt64, to end: UInt64) -> Double {
    end > start ? Double(end - start) / 1e9 : 0
  }

  /// Scenes that differ only in cursors or locks are the same step for pacing purposes,
  /// except where the autopilot must react (a new turn, a reveal, a new speaker).
  static func key(of scene: StageScene) -> String {
    switch scene.content {
    case .lobby(let title): "lobby:\(title.french)"
    case .join(let view): "join:\(view.seats.count):\(view.seats.filter(\.isConfirmed).count)"
    case .stimulus(let view): "stimulus:\(view.stimulus)"
    case .whichScent(let view): "which:\(view.choices.map(\.image)):\(view.revealedAnswer.map(String.init) ?? "-")"
    case .memoryPairs(let view):
      "pairs:\(view.cards.filter(\.isMatched).count):\(view.cards.filter(\.isFaceUp).count):\(view.playerToMove?.rawValue ?? 0)"
    case .thenAndNow(let view): "then:\(view.picture.image):\(view.revealedIsNow.map(String.init) ?? "-")"
    case .rightOrder(let view):
      "order:\(view.title.french):\(view.slots.compactMap { $0 }.count):\(view.triedSlots.count):\(view.playerToMove?.rawValue ?? 0)"
    case .evocation(let view): "evocation:\(view.image):\(view.speaker?.rawValue ?? 0)"
    case .pause: "pause"
    case .thankYou: "thanks"
    case .console(let view): "console:\(view.title.french)"
    }
  }
}
