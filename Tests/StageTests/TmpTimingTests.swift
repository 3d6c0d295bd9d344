import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  @Suite @MainActor struct TmpTiming {
    @Test func timing() throws {
      let stage = try StageFixtures.stage(
        width: 1920, height: 1080, assets: URL(fileURLWithPath: "/work/wt/assets/Assets"))
      for step in StageTour.standard.steps {
        _ = stage.present(step.scene)
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<20 { _ = stage.present(step.scene) }
        print("TIMING \(step.name) \((MonotonicClock.nanoseconds() - start) / 20 / 1000) us")
      }
    }
  }
}
