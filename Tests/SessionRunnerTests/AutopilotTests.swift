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
}
