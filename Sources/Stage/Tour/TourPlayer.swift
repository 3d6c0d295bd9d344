import Foundation
import SessionModel

/// Plays a ``StageTour`` on a Stage with ten virtual pads, optionally saving each scene as PNG.
@MainActor
public final class TourPlayer {
  public struct Summary: Sendable {
    public var screenshots: [URL]
    /// Every input the Stage reported while the tour played.
    public var events: [StageEvent]
    public var frames: Int
    public var droppedFrames: Int
    /// Presses the virtual players made, and keys the virtual therapist pressed.
    public var sentPresses = 0
    public var sentKeys = 0

    /// Presses that came back from SDL as ``PadInput/pressed(_:_:)``; equal to ``sentPresses`` when no input was lost.
    public var receivedPresses: Int {
      events.filter { if case .pad(.pressed, _) = $0 { true } else { false } }.count
    }

    public var receivedKeys: Int {
      events.filter {
        switch $0 {
        case .operator, .navigate: true
        default: false
        }
      }.count
    }
  }

  private let stage: Stage
  private let pads: [VirtualGamepad]
  /// How long each scene stays on screen.
  public var secondsPerScene: Double

  public init(stage: Stage, secondsPerScene: Double) throws(StageError) {
    self.stage = stage
    self.secondsPerScene = secondsPerScene
    var pads: [VirtualGamepad] = []
    for player in 1...StageTour.playerCount {
      pads.append(try VirtualGamepad(productID: UInt16(0x0100 + player), name: "Tour Pad \(player)"))
      // One at a time, so that SDL numbers player n's pad n.
      _ = stage.pollEvents()
    }
    self.pads = pads
  }

  isolated deinit {
    for pad in pads { pad.detach() }
  }

  /// Plays every step; stops early when the window is closed or the therapist presses Esc.
  public func play(_ tour: StageTour, screenshotDirectory: URL?) throws(StageError) -> Summary {
    var summary = Summary(screenshots: [], events: [], frames: 0, droppedFrames: 0)
    for step in tour.steps {
      var pending = step.actions
      let start = MonotonicClock.nanoseconds()
      let hold = UInt64(secondsPerScene * 1_000_000_000)
      var stopped = false
      while MonotonicClock.nanoseconds() - start < hold {
        // Spread the presses over the first part of the scene, one every few frames, as people would.
        if let action = pending.first, summary.frames % 3 == 0 {
          summary.events += perform(action, counting: &summary)
          pending.removeFirst()
        }
        let events = stage.pollEvents()
        summary.events += events
        if events.contains(where: Self.stopsTheTour) { stopped = true }
        let report = stage.present(step.scene)
        summary.frames += 1
        summary.droppedFrames = report.droppedFrames
        if stopped { break }
        if !stage.configuration.usesVSync { Thread.sleep(forTimeInterval: 1.0 / 60) }
      }
      for action in pending { summary.events += perform(action, counting: &summary) }
      summary.events += stage.pollEvents()
      if let directory = screenshotDirectory {
        let url = directory.appendingPathComponent("\(step.name).png")
        try stage.saveScreenshot(to: url)
        summary.screenshots.append(url)
      }
      if stopped { break }
    }
    return summary
  }

  private static func stopsTheTour(_ event: StageEvent) -> Bool {
    switch event {
    case .quitRequested, .stopRequested, .operator(.end, _): true
    default: false
    }
  }

  /// Does the action; a press is read by SDL before its release, so both reach the Stage.
  private func perform(_ action: TourAction, counting summary: inout Summary) -> [StageEvent] {
    switch action {
    case .tap, .flick: summary.sentPresses += 1
    case .therapist, .arrow: summary.sentKeys += 1
    case .unplug, .replug: break
    }
    switch action {
    case .tap(let player, let button):
      pads[player - 1].press(button)
      let pressed = stage.pollEvents()
      pads[player - 1].release(button)
      return pressed
    case .flick(let player, let x, let y):
      pads[player - 1].moveStick(x: x, y: y)
      let pushed = stage.pollEvents()
      pads[player - 1].moveStick(x: 0, y: 0)
      return pushed
    case .unplug(let player):
      pads[player - 1].detach()
      return []
    case .replug(let player):
      try? pads[player - 1].reattach()
      return []
    case .therapist(let action):
      KeyboardMap.key(for: action).push()
      return []
    case .arrow(let key):
      KeyboardMap.key(for: key).push()
      return []
    }
  }
}
