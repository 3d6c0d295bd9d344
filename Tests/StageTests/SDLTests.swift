import Foundation
import SessionModel
import Testing

@testable import Stage

/// Every suite that touches SDL nests in here: SDL is process-global, so these run one at a time.
@Suite(.serialized)
enum SDLTests {}

/// Offscreen stages and small generated pictures for the SDL suites.
@MainActor
enum StageFixtures {
  /// The environment of a headless machine, set before SDL starts.
  static func prepareHeadlessEnvironment() {
    setenv("SDL_VIDEODRIVER", "offscreen", 1)
    setenv("SDL_RENDER_DRIVER", "software", 1)
    setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1)
    setenv("SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", "1", 1)
  }

  /// A stage without animation, so that frames depend only on the scene.
  static func stage(width: Int = 480, height: Int = 270, assets: URL? = nil) throws -> Stage {
    prepareHeadlessEnvironment()
    return try Stage(
      configuration: StageConfiguration(
        width: width, height: height, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
        assetsRoot: assets ?? pictures, animates: false))
  }

  /// A folder of simple SVG pictures at every path the test scenes name; the font comes from the bundle.
  nonisolated static let pictures: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("stage-fixtures-\(getpid())")
    let shapes = [
      "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#FFFFFF", "#A6761D", "#B4A7D6",
    ]
    for (index, avatar) in Avatar.catalogue.enumerated() {
      write(svg(colour: shapes[index], sides: index + 3), to: root.appendingPathComponent(avatar.image))
    }
    for (index, name) in ["scents/pomme", "scents/lavande", "scents/cafe", "stimuli/verger"].enumerated() {
      write(svg(colour: shapes[index * 2], sides: 0), to: root.appendingPathComponent("\(name).svg"))
    }
    return root
  }()

  /// A filled polygon (or a disc when `sides` is 0) on a light square.
  nonisolated static func svg(colour: String, sides: Int) -> String {
    let shape: String
    if sides == 0 {
      shape = "<circle cx='50' cy='50' r='32' fill='\(colour)'/>"
    } else {
      let points = (0..<sides).map { index -> String in
        let angle = Double(index) / Double(sides) * 2 * .pi - .pi / 2
        return String(format: "%.1f,%.1f", 50 + 36 * cos(angle), 50 + 36 * sin(angle))
      }
      shape = "<polygon points='\(points.joined(separator: " "))' fill='\(colour)'/>"
    }
    return "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100' viewBox='0 0 100 100'>"
      + "<rect x='4' y='4' width='92' height='92' rx='12' fill='#F4EFE6'/>\(shape)</svg>"
  }

  nonisolated static func write(_ text: String, to url: URL) {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: url)
  }

  nonisolated static func players(_ count: Int, disconnected: Set<Int> = []) -> [PlayerView] {
    (1...count).map {
      PlayerView(
        number: PlayerNumber(rawValue: $0)!, pad: PadID(rawValue: $0), avatar: Avatar.catalogue[$0 - 1].id,
        isConnected: !disconnected.contains($0))
    }
  }
}
