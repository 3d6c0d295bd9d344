import Testing

@testable import Stage

struct ImageCacheTests {
  struct PathCase: CustomTestStringConvertible, Sendable {
    var path: String
    var isVector: Bool
    var testDescription: String { path.isEmpty ? "(empty)" : path }
  }

  nonisolated static let paths = [
    PathCase(path: "scents/pomme.svg", isVector: true),
    PathCase(path: "AVATARS/CHAT.SVG", isVector: true),
    PathCase(path: "stimuli/verger.Svg", isVector: true),
    PathCase(path: "stimuli/théière.svg", isVector: true),
    PathCase(path: "stimuli/verger.png", isVector: false),
    PathCase(path: "stimuli/verger.svgz", isVector: false),
    PathCase(path: "svg", isVector: false),
    PathCase(path: "stimuli/verger_svg", isVector: false),
    PathCase(path: "", isVector: false),
  ]

  /// SVG is told by its extension in any case: it is rasterised at the size drawn, other pictures are scaled.
  @Test(arguments: paths)
  func svgIsToldByItsExtension(_ pathCase: PathCase) {
    #expect(ImageCache.isVector(pathCase.path) == pathCase.isVector)
  }
}
