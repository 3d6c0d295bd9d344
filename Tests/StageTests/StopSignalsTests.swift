import Foundation
import SessionModel
import Testing

@testable import Stage

extension SDLTests {
  /// Real signals sent to this process. In ``SDLTests``, so that no Stage open in another test
  /// takes them.
  @Suite @MainActor
  struct StopSignalsTests {
    /// A second Stage, or a second session, in the same process: the signal during its watch is
    /// reported as during the first. The sources used to be cancelled at the last release and made
    /// anew at the next watch; on Linux the new one never fired, since libdispatch installs its
    /// signal handler once and the release had put the default action over it.
    @Test func aWatchAfterTheLastReleaseStillReportsTheSignal() async {
      StopSignals.shared.watch()
      StopSignals.shared.release()
      StopSignals.shared.watch()
      defer { StopSignals.shared.release() }
      kill(getpid(), SIGTERM)
      #expect(await Self.taken() == SIGTERM)
    }

    /// A session goes on measuring and exporting after its Stage has closed: the signal stays
    /// caught for the session to report, rather than killing the program mid-write.
    @Test func aWatchHeldPastTheStageKeepsTheSignalCaught() async throws {
      StopSignals.shared.watch()
      defer { StopSignals.shared.release() }
      do {
        let stage = try StageFixtures.stage(width: 320, height: 180)
        stage.present(StageScene(content: .thankYou))
      }
      kill(getpid(), SIGINT)
      #expect(await Self.taken() == SIGINT)
    }

    /// Once nothing watches, a signal kills the process as if it had never been caught.
    @Test func aSignalWhileNothingWatchesKillsTheProcess() async {
      await #expect(processExitsWith: .signal(SIGTERM)) {
        StopSignals.shared.watch()
        StopSignals.shared.release()
        kill(getpid(), SIGTERM)
        try await Task.sleep(for: .seconds(10))
      }
    }

    /// A signal kept during a later watch and never taken is not lost: the last release ends the
    /// process by it. It used to be lost, the second watch's source never firing.
    @Test func aSignalNobodyTookEndsTheProcessAtTheLastRelease() async {
      await #expect(processExitsWith: .signal(SIGINT)) {
        StopSignals.shared.watch()
        StopSignals.shared.release()
        StopSignals.shared.watch()
        kill(getpid(), SIGINT)
        try await Task.sleep(for: .seconds(1))  // for libdispatch to hand it over
        StopSignals.shared.release()
        try await Task.sleep(for: .seconds(10))
      }
    }

    /// The signal kept, once libdispatch has handed it over (on a thread of its own).
    private static func taken() async -> Int32? {
      for _ in 0..<500 {
        if let signal = StopSignals.shared.take() { return signal }
        try? await Task.sleep(for: .milliseconds(20))
      }
      return nil
    }
  }
}
