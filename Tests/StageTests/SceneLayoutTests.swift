import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// At the design resolution no text is smaller than readable from three metres, none leaves the
  /// screen, and every piece keeps a 7:1 contrast with what it is drawn on.
  @Suite @MainActor
  struct SceneLayoutTests {
    nonisolated static let steps =
      StageTour.standard.steps.map { TourStepCase(step: $0) }
      + [
        TourStepCase(
          step: .init(
            name: "notice",
            scene: StageScene(
              content: .pause,
              overlay: .notice(
                .init(
                  fr: "Le diffuseur a refusé la diffusion : la cartouche 12 est vide. Remplacez-la puis appuyez sur R.",
                  en: "The diffuser refused the release: cartridge 12 is empty. Replace it, then press R.")))))
      ]
      + ConsoleSceneTests.screens.map {
        TourStepCase(step: .init(name: $0.title.english, scene: StageScene(content: .console($0))))
      }

    struct TourStepCase: CustomTestStringConvertible, Sendable {
      var step: StageTour.Step
      var testDescription: String { step.name }
    }

    @Test(arguments: steps, Language.allCases)
    func textIsReadableAndOnScreen(_ stepCase: TourStepCase, language: Language) throws {
      StageFixtures.prepareHeadlessEnvironment()
      let stage = try Stage(
        configuration: StageConfiguration(
          width: 1920, height: 1080, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
          assetsRoot: StageFixtures.pictures, language: language, animates: false))
      _ = stage.renderPixels(of: stepCase.step.scene)
      let runs = stage.lastTextRuns
      for run in runs {
        #expect(run.style.designSize >= TextStyle.minimumBodySize, "\(run.text)")
        #expect(run.frame.height >= TextStyle.minimumBodySize, "\(run.text) is drawn \(run.frame.height) high")
        if run.style.isTitle { #expect(run.style.designSize >= TextStyle.minimumTitleSize) }
        #expect(Rect.screen.contains(run.frame), "\(run.text) leaves the screen: \(run.frame)")
        #expect(
          run.foreground.contrastRatio(with: run.background) >= 7, "\(run.text): \(run.foreground) on \(run.background)"
        )
      }
      // A therapist's screen keeps each row's words inside its row: a line too long is shortened,
      // never wrapped out of its panel under the next row's.
      if case .console(let view) = stepCase.step.scene.content {
        for row in ConsoleLayout(view).rows {
          for run in runs where row.y < run.frame.midY && run.frame.midY < row.maxY && run.frame.midX < row.maxX {
            #expect(row.contains(run.frame), "« \(run.text) » \(run.frame) leaves its row \(row)")
          }
        }
      }
    }
  }
}
