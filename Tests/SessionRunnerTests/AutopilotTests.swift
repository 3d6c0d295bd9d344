import SessionEngine
import SessionModel
import Testing

@testable import SessionRunner

struct AutopilotTests {
  struct PathCase: Sendable, CustomTestStringConvertible {
    let id: String
    let start: Int
    let end: Int
    let columns: Int
    let moves: [PadButton]
    var testDescription: String { id }
  }

  @Test(arguments: [
    PathCase(id: "same card", start: 3, end: 3, columns: 4, moves: []),
    PathCase(id: "right along a row", start: 0, end: 2, columns: 4, moves: [.right, .right]),
    PathCase(id: "down then left", start: 3, end: 6, columns: 4, moves: [.down, .left]),
    PathCase(id: "up two rows", start: 9, end: 1, columns: 4, moves: [.up, .up]),
  ])
  func findsTheShortestWayToACard(_ c: PathCase) {
    #expect(Autopilot.path(from: c.start, to: c.end, columns: c.columns) == c.moves)
  }

  @Test func everyPlayerJoinsFromTheLobbyThenWaits() {
    var pilot = Autopilot(players: 3, pace: .brisk)
    let lobby = StageScene(content: .lobby(title: LocalizedText(fr: "Bienvenue", en: "Welcome")))
    var actions: [AutopilotAction] = []
    var now: UInt64 = 0
    for _ in 0..<10 {
      now += 300_000_000
      if let action = pilot.nextAction(for: lobby, at: now) { actions.append(action) }
    }
    #expect(actions == [.tap(player: 1, .a), .tap(player: 2, .a), .tap(player: 3, .a)])
  }

  @Test func playersWithoutASeatSitDownWhileSeatedPlayersChooseTheirAvatar() {
    var pilot = Autopilot(players: 3, pace: .brisk)
    let seat = JoinSeat(number: PlayerNumber(rawValue: 1)!, pad: PadID(rawValue: 1), avatar: "chat", isConfirmed: false)
    let join = StageScene(content: .join(JoinView(seats: [seat])))
    var actions: [AutopilotAction] = []
    var now: UInt64 = 0
    for _ in 0..<10 {
      now += 300_000_000
      if let action = pilot.nextAction(for: join, at: now) { actions.append(action) }
    }
    #expect(actions == [.tap(player: 2, .a), .tap(player: 3, .a), .tap(player: 1, .right), .tap(player: 1, .a)])
  }

  @Test func theTherapistGoesOnOnlyAfterTheImageHasBeenSeen() {
    var pilot = Autopilot(players: 1, pace: .brisk)
    let scene = StageScene(content: .stimulus(StimulusView(stimulus: "verger", image: "stimuli/verger.svg")))
    #expect(pilot.nextAction(for: scene, at: 1_000_000_000) == nil)
    #expect(pilot.nextAction(for: scene, at: 1_100_000_000) == nil)
    #expect(pilot.nextAction(for: scene, at: 1_400_000_000) == .key(.next))
  }

  @Test func memoryMovesGoToTheTwinOfTheOpenCard() {
    var pilot = Autopilot(players: 2, pace: .brisk)
    let apple = PictureChoice(image: "scents/pomme.svg", label: LocalizedText(fr: "Pomme", en: "Apple"))
    let pear = PictureChoice(image: "scents/poire.svg", label: LocalizedText(fr: "Poire", en: "Pear"))
    let cards = [apple, pear, pear, apple].enumerated().map {
      MemoryCardView(picture: $0.element, isFaceUp: $0.offset == 0, isMatched: false)
    }
    let player = PlayerView(number: PlayerNumber(rawValue: 2)!, pad: PadID(rawValue: 2), avatar: "chien")
    let scene = StageScene(
      content: .memoryPairs(
        MemoryPairsView(cards: cards, columns: 2, cursor: 0, playerToMove: PlayerNumber(rawValue: 2))),
      players: [player])
    var actions: [AutopilotAction] = []
    var now: UInt64 = 0
    for _ in 0..<3 {
      now += 300_000_000
      if let action = pilot.nextAction(for: scene, at: now) { actions.append(action) }
    }
    #expect(actions == [.tap(player: 2, .down), .tap(player: 2, .right), .tap(player: 2, .a)])
  }

  @Test func rightOrderTriesTheFirstUntriedEmptyPlaceThenTheHint() {
    func moves(_ view: RightOrderView) -> [AutopilotAction] {
      Autopilot(players: 3, pace: .brisk).rightOrderMoves(in: view)
    }
    let title = LocalizedText(fr: "Du blé au pain", en: "From wheat to bread")
    let wheat = PictureChoice(image: "bon-ordre/ble.svg", label: LocalizedText(fr: "Le blé", en: "The wheat"))
    let flour = PictureChoice(image: "bon-ordre/farine.svg", label: LocalizedText(fr: "La farine", en: "The flour"))
    let three = PlayerNumber(rawValue: 3)
    let fresh = RightOrderView(title: title, slots: [nil, nil, nil], picture: flour, cursor: 0, playerToMove: three)
    #expect(moves(fresh) == [.tap(player: 3, .a)])
    var tried = fresh
    tried.triedSlots = [0]
    #expect(moves(tried) == [.tap(player: 3, .right), .tap(player: 3, .a)])
    tried.hint = 1
    tried.cursor = 2
    tried.triedSlots = [0, 2]
    #expect(moves(tried) == [.tap(player: 3, .left), .tap(player: 3, .a)])
    let complete = RightOrderView(title: title, slots: [wheat, flour], picture: nil, cursor: 1, playerToMove: three)
    #expect(moves(complete).isEmpty)
  }

  /// The autopilot plays "Le bon ordre" through the real engine from the lobby to the thank-you, at
  /// every level: each process ends complete, and at easy nobody's try counts as missed.
  @Test(arguments: Difficulty.allCases)
  func theAutopilotFinishesTheRightOrderGame(_ difficulty: Difficulty) {
    let step = { (image: String) in
      PictureChoice(image: "bon-ordre/\(image).svg", label: LocalizedText(fr: image, en: image))
    }
    let processes = [["pommier", "pomme", "tarte"], ["ble", "farine", "pain"], ["oeuf", "poussin", "poule"]].map {
      RightOrderSequence(title: LocalizedText(fr: $0[2], en: $0[2]), steps: $0.map(step))
    }
    let trial = Trial(id: "T1", number: 1, stimulus: "verger", condition: .imageGame, game: .rightOrder)
    let setup = SessionSetup(
      session: Session(
        id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: .animation, trials: [trial]),
      stimuli: [Stimulus(id: "verger", image: "stimuli/verger.svg", theme: "campagne", era: "1950s")], scents: [],
      rightOrderSequences: processes, difficulty: difficulty, seed: 11)
    var engine = SessionEngine(setup: setup)
    var pilot = Autopilot(players: 3, pace: .brisk)
    var logs: [(type: String, payload: [String: String])] = []
    var now: UInt64 = 0
    func handle(_ input: SessionInput) {
      for command in engine.handle(input, at: now) {
        if case .log(let type, let payload) = command, type.rawValue.hasPrefix("game.") {
          logs.append((type.rawValue, payload))
        }
      }
    }
    for _ in 0..<6_000 where !engine.hasEnded {
      now += 50_000_000
      handle(.tick)
      switch pilot.nextAction(for: engine.scene, at: now) {
      case .tap(let player, let button):
        handle(.pad(.pressed(PadID(rawValue: player), button)))
        now += 80_000_000
        handle(.pad(.released(PadID(rawValue: player), button)))
      case .key(let action): handle(.operator(action))
      case nil: break
      }
    }
    #expect(engine.hasEnded)
    #expect(logs.first?.type == "game.started" && logs.first?.payload["game"] == "bon-ordre")
    #expect(logs.count(where: { $0.type == "game.finished" }) == 1)
    let ended = logs.first { $0.type == "game.ended" }?.payload
    #expect(ended?["finished"] == "true")
    #expect(ended?["sequencesCompleted"] == String(RightOrderGame.sequenceCount(at: difficulty)))
    let outcomes = logs.filter { $0.type == "game.place" }.compactMap { $0.payload["outcome"] }
    let placed = RightOrderGame.missingCount(at: difficulty, of: 3) * RightOrderGame.sequenceCount(at: difficulty)
    #expect(outcomes.count(where: { $0 == "matched" }) == placed, "every picture dealt was placed once")
    if difficulty == .easy { #expect(!outcomes.contains("missed")) }
  }
}
