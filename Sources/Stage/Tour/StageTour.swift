import Foundation
import SessionModel

/// A scripted walk through every scene with ten virtual pads, for demos, screenshots and checks by eye.
///
/// Until whole sessions drive it, the scenes are written out here; the players' pads really
/// press buttons through SDL, so the avatars bounce as they would in a session.
public struct StageTour: Sendable {
  public struct Step: Sendable {
    /// The screenshot's file name, without extension.
    public var name: String
    public var actions: [TourAction]
    public var scene: StageScene

    public init(name: String, actions: [TourAction] = [], scene: StageScene) {
      self.name = name
      self.actions = actions
      self.scene = scene
    }
  }

  public var steps: [Step]

  public init(steps: [Step]) { self.steps = steps }

  public static let playerCount = 10

  /// The pad SDL will number for player `n`: pads are attached in order, so player n holds pad n.
  static func pad(_ player: Int) -> PadID { PadID(rawValue: player) }

  static func number(_ player: Int) -> PlayerNumber { PlayerNumber(rawValue: player)! }

  /// The tour's pseudonymous codes: P01 for player 1, as a clinical group would be registered.
  static func code(_ player: Int) -> ParticipantCode? {
    ParticipantCode(rawValue: player < 10 ? "P0\(player)" : "P\(player)")
  }

  static func players(disconnected: Set<Int> = [], answered: Set<Int> = []) -> [PlayerView] {
    (1...playerCount).map {
      PlayerView(
        number: number($0), pad: pad($0), avatar: Avatar.catalogue[$0 - 1].id, isConnected: !disconnected.contains($0),
        hasAnswered: answered.contains($0))
    }
  }

  static func choice(_ id: String, fr: String, en: String, folder: String = "scents") -> PictureChoice {
    PictureChoice(image: "\(folder)/\(id).svg", label: LocalizedText(fr: fr, en: en))
  }

  /// Lobby, joining, a stimulus with its scent, the four games, an evocation turn, pause, help, the end.
  public static let standard: StageTour = {
    let everyone = players()
    let apple = choice("pomme", fr: "Pomme", en: "Apple")
    let lavender = choice("lavande", fr: "Lavande", en: "Lavender")
    let coffee = choice("cafe", fr: "Café", en: "Coffee")
    let cut = choice("herbe-coupee", fr: "Herbe coupée", en: "Cut grass")
    let seats = (1...playerCount).map {
      JoinSeat(
        number: number($0), pad: pad($0), avatar: Avatar.catalogue[($0 + 2) % playerCount].id, isConfirmed: false,
        participant: code($0))
    }
    let chosen = (1...playerCount).map {
      JoinSeat(
        number: number($0), pad: pad($0), avatar: Avatar.catalogue[$0 - 1].id, isConfirmed: $0 != 4,
        participant: code($0))
    }
    let cursors = Dictionary(
      uniqueKeysWithValues: (1...playerCount).map { (number($0), $0 % 3 == 0 ? 2 : $0 % 3 == 1 ? 0 : 1) })
    let memoryPictures = [
      apple, lavender, coffee, cut, choice("citron", fr: "Citron", en: "Lemon"),
      choice("miel", fr: "Miel", en: "Honey"),
    ]
    let memoryCards = (0..<12).map { index in
      MemoryCardView(
        picture: memoryPictures[[0, 1, 2, 3, 0, 4, 5, 2, 1, 5, 4, 3][index]], isFaceUp: [1, 8].contains(index),
        isMatched: [2, 7].contains(index))
    }
    let radio = choice("radio-tsf", fr: "La TSF", en: "The wireless", folder: "then-and-now")
    let stimulus = StimulusView(stimulus: "verger", image: "stimuli/verger.svg")
    return StageTour(steps: [
      Step(
        name: "01-lobby",
        scene: StageScene(content: .lobby(title: .init(fr: "Atelier du jeudi", en: "Thursday workshop")))),
      Step(
        name: "02-join", actions: (1...playerCount).map { .tap(player: $0, .a) },
        scene: StageScene(content: .join(JoinView(seats: seats)))),
      Step(
        name: "03-join-chosen",
        actions: (1...playerCount).map { .flick(player: $0, x: -1, y: 0) } + [.tap(player: 7, .a)],
        scene: StageScene(content: .join(JoinView(seats: chosen)))),
      Step(name: "04-stimulus", scene: StageScene(content: .stimulus(stimulus), players: everyone)),
      Step(
        name: "05-stimulus-scent",
        scene: StageScene(
          content: .stimulus(
            StimulusView(
              stimulus: "verger", image: "stimuli/verger.svg",
              caption: .init(fr: "Le verger en automne", en: "The orchard in autumn"), scentIsReleasing: true)),
          players: everyone)),
      Step(
        name: "06-which-scent", actions: [.tap(player: 2, .right), .tap(player: 5, .a), .flick(player: 9, x: 1, y: 0)],
        scene: StageScene(
          content: .whichScent(
            WhichScentView(
              choices: [apple, lavender, coffee], cursors: cursors, locked: [number(1), number(5), number(9)])),
          players: players(answered: [1, 5, 9]))),
      Step(
        name: "07-which-scent-reveal",
        scene: StageScene(
          content: .whichScent(
            WhichScentView(
              choices: [apple, lavender, coffee], cursors: cursors, locked: Set((1...playerCount).map(number)),
              revealedAnswer: 0)),
          players: players(answered: Set(1...playerCount)))),
      Step(
        name: "08-memory-pairs", actions: [.unplug(player: 6), .tap(player: 3, .down), .tap(player: 3, .a)],
        scene: StageScene(
          content: .memoryPairs(MemoryPairsView(cards: memoryCards, columns: 4, cursor: 8, playerToMove: number(3))),
          players: players(disconnected: [6]))),
      Step(
        name: "09-then-and-now", actions: [.replug(player: 6), .tap(player: 4, .left), .tap(player: 8, .right)],
        scene: StageScene(
          content: .thenAndNow(
            ThenAndNowView(
              picture: radio, cursors: [number(1): false, number(4): false, number(8): true, number(10): false],
              locked: [number(1)],
              sortedThen: [
                choice("lampe-petrole", fr: "Lampe à pétrole", en: "Oil lamp", folder: "then-and-now"),
                choice("plume-encrier", fr: "Plume et encrier", en: "Quill and ink", folder: "then-and-now"),
              ],
              sortedNow: [choice("smartphone", fr: "Smartphone", en: "Smartphone", folder: "then-and-now")])),
          players: everyone)),
      Step(
        name: "10-right-order", actions: [.tap(player: 2, .left), .tap(player: 2, .a)],
        scene: StageScene(
          content: .rightOrder(
            RightOrderView(
              title: .init(fr: "De l'arbre à la tarte", en: "From the tree to the pie"),
              slots: [
                choice("pommier", fr: "Le pommier", en: "The apple tree", folder: "bon-ordre"), nil,
                choice("tarte-aux-pommes", fr: "La tarte aux pommes", en: "The apple pie", folder: "bon-ordre"),
              ],
              picture: choice("pomme", fr: "La pomme", en: "The apple", folder: "bon-ordre"), cursor: 0,
              playerToMove: number(2), triedSlots: [0], hint: 1)),
          players: everyone)),
      Step(
        name: "11-evocation-open", actions: [.tap(player: 4, .a), .tap(player: 7, .a), .tap(player: 2, .a)],
        scene: StageScene(
          content: .evocation(EvocationView(image: "stimuli/verger.svg", waiting: [number(4), number(7), number(2)])),
          players: everyone)),
      Step(
        name: "12-evocation-speaker", actions: [.therapist(.giveFloor(to: number(4)))],
        scene: StageScene(
          content: .evocation(
            EvocationView(
              image: "stimuli/verger.svg", speaker: number(4), waiting: [number(7), number(2)], isRecording: true)),
          players: everyone)),
      Step(name: "13-pause", actions: [.therapist(.pause)], scene: StageScene(content: .pause, players: everyone)),
      Step(
        name: "14-keyboard-help", actions: [.therapist(.toggleHelp)],
        scene: StageScene(content: .pause, players: everyone, overlay: .keyboardHelp)),
      Step(name: "15-confirm-end", scene: StageScene(content: .pause, players: everyone, overlay: .confirmEnd)),
      Step(
        name: "16-thank-you", actions: [.therapist(.confirm)], scene: StageScene(content: .thankYou, players: everyone)),
    ])
  }()
}
