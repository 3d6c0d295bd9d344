import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  @Suite @MainActor
  struct StageTests {
    @Test func framesAreNumberedAndStampedInOrder() throws {
      let stage = try StageFixtures.stage()
      let before = MonotonicClock.nanoseconds()
      let reports = (0..<3).map { _ in stage.present(StageScene(content: .pause)) }
      #expect(reports.map(\.frameNumber) == [1, 2, 3])
      #expect(reports[0].presentedAt >= before)
      #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.presentedAt <= $1.presentedAt })
    }

    /// The first frame drawn after SDL delivers a press already shows it: the player's avatar lifts.
    @Test func aPressShowsInTheNextFrame() throws {
      StageFixtures.prepareHeadlessEnvironment()
      let stage = try Stage(
        configuration: StageConfiguration(
          width: 960, height: 540, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
          assetsRoot: StageFixtures.pictures, animates: true))
      let pad = try VirtualGamepad(productID: 0x0300)
      let id = try #require(
        stage.pollEvents().compactMap { event -> PadID? in
          if case .pad(.connected(let id, _), _) = event { id } else { nil }
        }.first)
      let seat = JoinSeat(number: PlayerNumber(rawValue: 1)!, pad: id, avatar: "chat", isConfirmed: false)
      let scene = StageScene(content: .join(JoinView(seats: [seat])))
      stage.present(scene)
      Thread.sleep(forTimeInterval: Double(Stage.fadeDuration) / 1e9)  // let the screen's fade-in end
      let still = stage.renderPixels(of: scene)
      #expect(
        stage.renderPixels(of: scene).countDifferences(from: still, tolerance: 0) == 0, "nothing moves on its own")

      pad.press(.a)
      #expect(stage.pollEvents().contains { if case .pad(.pressed(id, .a), _) = $0 { true } else { false } })
      // A display refreshes every 16.7 ms; a few of them later the bounce is high enough to count in pixels.
      Thread.sleep(forTimeInterval: 0.05)
      #expect(stage.renderPixels(of: scene).countDifferences(from: still, tolerance: 8) > 100)
    }

    @Test func screenshotIsAPNGOfTheWindow() throws {
      let stage = try StageFixtures.stage(width: 320, height: 180)
      stage.present(StageScene(content: .lobby(title: .init(fr: "Atelier", en: "Workshop"))))
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("screenshot-\(getpid()).png")
      defer { try? FileManager.default.removeItem(at: url) }
      try stage.saveScreenshot(to: url)
      let image = try PixelImage.read(from: url)
      #expect(image.width == 320 && image.height == 180)
      #expect(Set(image.argb).count > 2)
    }

    /// A window of another shape keeps the 16:9 layout, letterboxed with the background colour.
    @Test func otherShapesAreLetterboxed() throws {
      let stage = try StageFixtures.stage(width: 400, height: 300)
      let frame = stage.renderPixels(of: StageScene(content: .thankYou, players: StageFixtures.players(10)))
      let background =
        UInt32(0xFF00_0000) | UInt32(Palette.background.red) << 16 | UInt32(Palette.background.green) << 8
        | UInt32(Palette.background.blue)
      #expect(frame.argb.prefix(400 * 30).allSatisfy { $0 == background })
    }

    @Test func anUnreadableMappingsFileIsRefused() throws {
      StageFixtures.prepareHeadlessEnvironment()
      let missing = URL(fileURLWithPath: "/nonexistent/gamecontrollerdb.txt")
      #expect(throws: StageError.self) {
        try Stage(
          configuration: StageConfiguration(
            width: 320, height: 180, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
            assetsRoot: StageFixtures.pictures, padMappingsFile: missing))
      }
    }

    @Test func assetsWithoutFontsFallBackToTheBundledFont() throws {
      let bundled = StageConfiguration.bundledAssets.appendingPathComponent("fonts")
      #expect(Stage.fontsFolder(for: URL(fileURLWithPath: "/nonexistent")) == bundled)
      let own = FileManager.default.temporaryDirectory.appendingPathComponent("own-fonts-\(getpid())")
      defer { try? FileManager.default.removeItem(at: own) }
      try FileManager.default.createDirectory(
        at: own.appendingPathComponent("fonts"), withIntermediateDirectories: true)
      for (index, font) in ["Andika-Regular.ttf", "Andika-Bold.ttf"].enumerated() {
        // With only the regular face the folder is incomplete; with both it is used.
        #expect(Stage.fontsFolder(for: own) == bundled, "with \(index) of 2 fonts")
        try FileManager.default.copyItem(
          at: bundled.appendingPathComponent(font), to: own.appendingPathComponent("fonts/\(font)"))
      }
      #expect(Stage.fontsFolder(for: own) == own.appendingPathComponent("fonts"))
    }
  }
}
