import Benchmark
import Foundation
import SessionModel
import Stage

// Frame times of the shared screen at 1920x1080 on SDL's software renderer, offscreen, no vsync:
// the worst case of a nursing-home PC without a usable GPU. One iteration draws and presents one frame.
// STAGE_BENCH_ASSETS points at another assets folder (the bundled Assets/ by default).

@MainActor
enum StageBench {
  static var stage: Stage?

  static func prepared() -> Stage {
    if let stage { return stage }
    setenv("SDL_VIDEODRIVER", "offscreen", 1)
    setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1)
    let assets = ProcessInfo.processInfo.environment["STAGE_BENCH_ASSETS"].map { URL(fileURLWithPath: $0) }
    let made = try! Stage(
      configuration: StageConfiguration(
        width: 1920, height: 1080, isHeadless: true, usesSoftwareRenderer: true, usesVSync: false,
        assetsRoot: assets ?? StageConfiguration.bundledAssets))
    stage = made
    return made
  }

  nonisolated static let everyone = (1...10).map {
    PlayerView(number: PlayerNumber(rawValue: $0)!, pad: PadID(rawValue: $0), avatar: Avatar.catalogue[$0 - 1].id)
  }

  nonisolated static let choices = ["pomme", "lavande", "cafe", "citron"].map {
    PictureChoice(image: "scents/\($0).svg", label: LocalizedText(fr: $0, en: $0))
  }

  nonisolated static let scenes: [(name: String, scene: StageScene)] = [
    (
      "Quelle odeur, ten avatars pointing",
      StageScene(
        content: .whichScent(
          WhichScentView(
            choices: choices,
            cursors: Dictionary(uniqueKeysWithValues: everyone.map { ($0.number, $0.number.rawValue % 4) }),
            locked: [PlayerNumber(rawValue: 2)!])),
        players: everyone)
    ),
    (
      "Evocation, speaker and ten avatars",
      StageScene(
        content: .evocation(
          EvocationView(
            image: "stimuli/verger.svg", speaker: PlayerNumber(rawValue: 3), waiting: [PlayerNumber(rawValue: 5)!],
            isRecording: true)),
        players: everyone)
    ),
    (
      "Full-screen stimulus with caption",
      StageScene(
        content: .stimulus(
          StimulusView(
            stimulus: "verger", image: "stimuli/verger.svg", caption: LocalizedText(fr: "Le verger", en: "The orchard"))
        ),
        players: everyone)
    ),
    ("Thank you, ten avatars", StageScene(content: .thankYou, players: everyone)),
  ]
}

let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], warmupIterations: 30, maxDuration: .seconds(10), maxIterations: 600)
  for (name, scene) in StageBench.scenes {
    Benchmark("Stage frame 1920x1080 software: \(name)", configuration: configuration) { benchmark in
      let iterations = benchmark.scaledIterations
      await MainActor.run {
        let stage = StageBench.prepared()
        for _ in iterations { blackHole(stage.present(scene)) }
      }
    }
  }
}
