import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  @Suite @MainActor
  struct OverlaySceneTests {
    /// Each key of the help fits on one line of its row, so no line runs into the next.
    @Test(arguments: Language.allCases)
    func everyHelpLineFitsItsRow(_ language: Language) throws {
      let stage = try JoinSceneTests.stage(language)
      _ = stage.renderPixels(of: StageScene(content: .pause, overlay: .keyboardHelp))
      let runs = stage.lastTextRuns
      for line in StageStrings.keyboardHelpLines {
        for text in [line.key.text(in: language), line.action.text(in: language)] {
          let drawn = runs.filter { $0.text == text }
          #expect(!drawn.isEmpty, "\(text) is not drawn")
          for run in drawn {
            #expect(run.frame.height < 92, "\(text) wraps: \(run.frame)")
            #expect(Rect.screen.contains(run.frame), "\(text) leaves the screen: \(run.frame)")
          }
        }
      }
    }

    /// A degraded session's banner stays on screen in every scene, over an overlay too, on one
    /// line of the smallest text, and in the therapist's language.
    @Test(arguments: Language.allCases)
    func theDegradedBannerIsDrawnAlongTheTopOnOneLine(_ language: Language) throws {
      let stage = try JoinSceneTests.stage(language)
      let banner = LocalizedText(
        fr: "sans diffuseur, disque presque plein (120 Mo libres)", en: "no diffuser, disk nearly full (120 MB free)")
      for scene in [
        StageScene(content: .pause, banner: banner),
        StageScene(content: .pause, overlay: .keyboardHelp, banner: banner),
        StageScene(content: .thankYou, banner: banner),
      ] {
        _ = stage.renderPixels(of: scene)
        let text = StageStrings.degraded(banner).text(in: language)
        let drawn = try #require(stage.lastTextRuns.last { $0.text == text }, "the banner is not drawn")
        #expect(drawn.frame.maxY <= 80, "the banner stays in its strip: \(drawn.frame)")
        #expect(drawn.frame.height < 80, "the banner wraps: \(drawn.frame)")
        #expect(stage.lastTextRuns.last?.text == text, "the banner is drawn last, over everything")
      }
      _ = stage.renderPixels(of: StageScene(content: .pause))
      #expect(
        !stage.lastTextRuns.contains { $0.text.hasPrefix(StageStrings.degraded(banner).text(in: language).prefix(8)) })
    }
  }
}
