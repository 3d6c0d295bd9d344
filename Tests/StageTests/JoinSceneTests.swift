import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// The seat the therapist picked to move is marked on its card, and the line under the seats
  /// tells the therapist what the next key does.
  @Suite @MainActor
  struct JoinSceneTests {
    nonisolated static func join(selecting selected: Int?, seats: Int = 7) -> StageScene {
      let avatars = Avatar.catalogue.map(\.id)
      return StageScene(
        content: .join(
          JoinView(
            seats: (1...seats).map { number in
              JoinSeat(
                number: PlayerNumber(rawValue: number)!, pad: PadID(rawValue: number), avatar: avatars[number - 1],
                isConfirmed: number.isMultiple(of: 2), participant: ParticipantCode(rawValue: "P0\(number)"))
            },
            selectedSeat: selected.flatMap(PlayerNumber.init(rawValue:)))))
    }

    /// The card of seat `number` when `seats` are drawn, as the join scene lays them out.
    nonisolated static func card(_ number: Int, seats: Int = 7) -> Rect {
      let area = Rect(x: 60, y: 160, width: 1800, height: seats > 5 ? 700 : 400)
      let row = area.rows(seats > 5 ? 2 : 1, gap: 30)[(number - 1) / 5]
      return row.columns(5, gap: 30)[(number - 1) % 5]
    }

    static func stage(_ language: Language) throws -> Stage {
      StageFixtures.prepareHeadlessEnvironment()
      return try Stage(
        configuration: StageConfiguration(
          width: 1920, height: 1080, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
          assetsRoot: StageFixtures.pictures, language: language, animates: false))
    }

    @Test(arguments: [2, 7], Language.allCases)
    func thePickedSeatIsFramedAndAsksWhere(_ selected: Int, language: Language) throws {
      let stage = try Self.stage(language)
      let frame = stage.renderPixels(of: Self.join(selecting: selected))
      let runs = stage.lastTextRuns
      let card = Self.card(selected)
      let marks = runs.filter { $0.text == StageStrings.seatGoesWhere.text(in: language) }
      #expect(marks.count == 1)
      if let mark = marks.first {
        #expect(card.contains(mark.frame), "\(mark.frame) leaves the card \(card)")
        #expect(mark.style.isTitle)
      }
      let hint = StageStrings.moveSeat(PlayerNumber(rawValue: selected)!).text(in: language)
      #expect(runs.contains { $0.text == hint && $0.frame.y >= Self.card(7).maxY && Rect.screen.contains($0.frame) })
      #expect(!runs.contains { $0.text == StageStrings.pressAToChoose.text(in: language) })
      for run in runs {
        #expect(run.frame.height >= TextStyle.minimumBodySize, "\(run.text)")
        #expect(run.foreground.contrastRatio(with: run.background) >= 7, "\(run.text)")
      }
      // The frame is steady accent all round the picked card, and on no other card.
      for number in 1...7 {
        let other = Self.card(number)
        let edges = [
          (other.x + 4, other.midY), (other.maxX - 4, other.midY), (other.midX, other.y + 4),
          (other.midX, other.maxY - 4),
        ]
        for (x, y) in edges {
          #expect((frame.colour(atX: x, y: y) == Palette.accent) == (number == selected), "seat \(number) at \(x),\(y)")
        }
      }
    }

    @Test func withoutAPickTheSeatsShowTheirNamesAndThePatientsHint() throws {
      let stage = try Self.stage(.french)
      _ = stage.renderPixels(of: Self.join(selecting: nil))
      let texts = stage.lastTextRuns.map(\.text)
      #expect(!texts.contains(StageStrings.seatGoesWhere.french))
      #expect(texts.contains(StageStrings.pressAToChoose.french))
      #expect(texts.contains(Avatar.catalogue[1].name.french))
    }
  }
}

extension PixelImage {
  /// The colour at a design-resolution point of a frame rendered at 1920 × 1080.
  fileprivate func colour(atX x: Double, y: Double) -> Colour {
    let pixel = argb[Int(y) * width + Int(x)]
    return Colour(red: UInt8((pixel >> 16) & 0xFF), green: UInt8((pixel >> 8) & 0xFF), blue: UInt8(pixel & 0xFF))
  }
}
