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
  }
}
