import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// Frames compared with small reference images; `RECORD_REFERENCES=1` writes them anew.
  @Suite @MainActor
  struct SceneRendererTests {
    struct SceneCase: CustomTestStringConvertible, Sendable {
      var name: String
      var scene: StageScene
      var testDescription: String { name }
    }

    nonisolated static let apple = PictureChoice(image: "scents/pomme.svg", label: .init(fr: "Pomme", en: "Apple"))
    nonisolated static let lavender = PictureChoice(
      image: "scents/lavande.svg", label: .init(fr: "Lavande", en: "Lavender"))
    nonisolated static let coffee = PictureChoice(image: "scents/cafe.svg", label: .init(fr: "Café", en: "Coffee"))
    nonisolated static let missing = PictureChoice(image: "scents/absent.svg", label: .init(fr: "Miel", en: "Honey"))
    nonisolated static func player(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }

    nonisolated static let cases: [SceneCase] = [
      SceneCase(name: "lobby", scene: StageScene(content: .lobby(title: .init(fr: "Atelier", en: "Workshop")))),
      SceneCase(
        name: "join",
        scene: StageScene(
          content: .join(
            JoinView(seats: [
              JoinSeat(number: player(1), pad: PadID(rawValue: 1), avatar: "chat", isConfirmed: true),
              JoinSeat(number: player(2), pad: PadID(rawValue: 2), avatar: "poule", isConfirmed: false),
              JoinSeat(number: player(3), pad: PadID(rawValue: 3), avatar: "velo", isConfirmed: false),
            ])))),
      SceneCase(
        name: "stimulus-caption-scent",
        scene: StageScene(
          content: .stimulus(
            StimulusView(
              stimulus: "verger", image: "stimuli/verger.svg", caption: .init(fr: "Le verger", en: "The orchard"),
              scentIsReleasing: true)))),
      SceneCase(
        name: "which-scent-reveal",
        scene: StageScene(
          content: .whichScent(
            WhichScentView(
              choices: [apple, lavender, coffee], cursors: [player(1): 0, player(2): 2, player(3): 0],
              locked: [player(1)], revealedAnswer: 0)),
          players: StageFixtures.players(3))),
      SceneCase(
        name: "memory-pairs",
        scene: StageScene(
          content: .memoryPairs(
            MemoryPairsView(
              cards: [apple, lavender, apple, missing, lavender, missing].enumerated().map {
                MemoryCardView(
                  picture: $0.element, isFaceUp: $0.offset == 1, isMatched: $0.offset == 0 || $0.offset == 2)
              }, columns: 3, cursor: 4, playerToMove: player(2))),
          players: StageFixtures.players(4, disconnected: [3]))),
      SceneCase(
        name: "then-and-now",
        scene: StageScene(
          content: .thenAndNow(
            ThenAndNowView(
              picture: coffee, cursors: [player(1): false, player(2): true], revealedIsNow: false, sortedThen: [apple])),
          players: StageFixtures.players(2))),
      SceneCase(
        name: "evocation-speaker",
        scene: StageScene(
          content: .evocation(
            EvocationView(image: "stimuli/verger.svg", speaker: player(2), waiting: [player(1)], isRecording: true)),
          players: StageFixtures.players(3))),
      SceneCase(name: "thank-you", scene: StageScene(content: .thankYou, players: StageFixtures.players(10))),
      SceneCase(
        name: "confirm-end", scene: StageScene(content: .pause, players: StageFixtures.players(2), overlay: .confirmEnd)
      ),
      SceneCase(
        name: "right-order",
        scene: StageScene(
          content: .rightOrder(
            RightOrderView(
              title: .init(fr: "Du verger au jardin", en: "From the orchard to the garden"),
              slots: [apple, nil, nil], picture: lavender, waiting: [coffee], cursor: 2, playerToMove: player(2),
              triedSlots: [2], hint: 1)),
          players: StageFixtures.players(3))),
    ]

    nonisolated static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("References")
    /// A channel may differ this much (font rasterisers and SVG anti-aliasing vary slightly)…
    nonisolated static let channelTolerance = 40
    /// …on at most this share of the pixels.
    nonisolated static let allowedShare = 0.01

    @Test(arguments: cases)
    func sceneMatchesItsReference(_ sceneCase: SceneCase) throws {
      let stage = try StageFixtures.stage()
      let frame = stage.renderPixels(of: sceneCase.scene)
      let reference = Self.references.appendingPathComponent("\(sceneCase.name).png")
      if ProcessInfo.processInfo.environment["RECORD_REFERENCES"] == "1" {
        try frame.writePNG(to: reference)
        return
      }
      let expected = try PixelImage.read(from: reference)
      let differences = frame.countDifferences(from: expected, tolerance: Self.channelTolerance)
      let allowed = Int(Double(frame.argb.count) * Self.allowedShare)
      #expect(
        differences <= allowed,
        "\(differences) pixels differ from \(reference.lastPathComponent); run with RECORD_REFERENCES=1 if the change is intended"
      )
    }

    @Test func aDifferentSceneDoesNotMatchTheReference() throws {
      let stage = try StageFixtures.stage()
      let lobby = stage.renderPixels(of: Self.cases[0].scene)
      let thanks = stage.renderPixels(of: Self.cases[7].scene)
      #expect(
        lobby.countDifferences(from: thanks, tolerance: Self.channelTolerance)
          > Int(Double(lobby.argb.count) * Self.allowedShare))
    }
  }
}
