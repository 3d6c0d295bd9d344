import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// Text is measured and rendered once per string, size, colour and box; the cache stays bounded.
  @Suite @MainActor
  struct TextCacheTests {
    @Test(arguments: SceneRendererTests.cases)
    func drawingASceneAgainMeasuresAndRendersNoText(_ sceneCase: SceneRendererTests.SceneCase) throws {
      let stage = try StageFixtures.stage()
      _ = stage.renderPixels(of: sceneCase.scene)
      let (renders, measures, cached) = (
        stage.canvas.texts.renderCount, stage.canvas.fonts.measureCount, stage.canvas.texts.count
      )
      #expect(renders > 0)
      for _ in 0..<3 { stage.present(sceneCase.scene) }
      #expect(stage.canvas.texts.renderCount == renders)
      #expect(stage.canvas.fonts.measureCount == measures)
      #expect(stage.canvas.texts.count == cached)
    }

    struct Change: CustomTestStringConvertible, Sendable {
      var name: String
      var style: TextStyle
      var colour: Colour
      var boxWidth: Double
      var rendersAnew: Bool
      var testDescription: String { name }
    }

    nonisolated static let changes = [
      Change(name: "nothing", style: .body, colour: Palette.text, boxWidth: 1600, rendersAnew: false),
      Change(name: "bold", style: .bodyBold, colour: Palette.text, boxWidth: 1600, rendersAnew: true),
      Change(name: "size", style: .title, colour: Palette.text, boxWidth: 1600, rendersAnew: true),
      Change(name: "colour", style: .body, colour: Palette.accent, boxWidth: 1600, rendersAnew: true),
      Change(
        name: "a box too narrow for one line", style: .body, colour: Palette.text, boxWidth: 300, rendersAnew: true),
    ]

    @Test(arguments: changes)
    func changingWhatDecidesThePixelsRendersAnew(_ change: Change) throws {
      let stage = try StageFixtures.stage(width: 1920, height: 1080)
      let canvas = stage.canvas
      canvas.beginFrame()
      let text = "Qu'est-ce que cela vous rappelle ?"
      canvas.text(text, style: .body, in: Rect(x: 0, y: 0, width: 1600, height: 200), on: Palette.background)
      let renders = canvas.texts.renderCount
      canvas.text(
        text, style: change.style, in: Rect(x: 0, y: 0, width: change.boxWidth, height: 200), colour: change.colour,
        on: Palette.background)
      #expect(canvas.texts.renderCount - renders == (change.rendersAnew ? 1 : 0))
    }

    /// The same string in a narrower box wraps onto more lines, even right after it was drawn on one.
    @Test func theSameStringWrapsInANarrowerBox() throws {
      let stage = try StageFixtures.stage(width: 1920, height: 1080)
      let canvas = stage.canvas
      canvas.beginFrame()
      let text = "Nous reprenons dans un instant."
      func height(inBoxOfWidth width: Double) -> Double {
        canvas.text(text, style: .body, in: Rect(x: 0, y: 0, width: width, height: 400), on: Palette.background)
          .height
      }
      let oneLine = height(inBoxOfWidth: 1600)
      #expect(height(inBoxOfWidth: 300) > 1.5 * oneLine)
      #expect(height(inBoxOfWidth: 1600) == oneLine)
    }

    /// A counter or a new name each frame must not fill memory over a 90-minute session.
    @Test func manyDistinctStringsKeepTheCacheBounded() throws {
      let stage = try StageFixtures.stage()
      let texts = TextCache(fonts: stage.canvas.fonts, renderer: stage.canvas.renderer, limit: 20)
      defer { texts.releaseTextures() }
      var largest = 0
      for index in 0..<100 {
        _ = texts.rendered(Self.key("Compteur \(index)"))
        largest = max(largest, texts.count)
      }
      #expect(texts.renderCount == 100)
      #expect(largest == 20)
    }

    /// Eviction drops what was drawn least recently: the text on screen every frame is never rendered again.
    @Test func textDrawnEveryFrameSurvivesEviction() throws {
      let stage = try StageFixtures.stage()
      let texts = TextCache(fonts: stage.canvas.fonts, renderer: stage.canvas.renderer, limit: 20)
      defer { texts.releaseTextures() }
      for index in 0..<100 {
        _ = texts.rendered(Self.key("Quelle odeur ?"))
        _ = texts.rendered(Self.key("Compteur \(index)"))
      }
      #expect(texts.renderCount == 1 + 100)
    }

    static func key(_ text: String) -> TextCache.Key {
      TextCache.Key(text: text, isBold: false, pixelSize: 24, colour: Palette.text, boxWidth: 400)
    }
  }
}
