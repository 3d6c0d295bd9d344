import SessionModel
import Testing

@testable import SessionEngine

/// Runs a script through a real engine, keeping every command and the time it came out, and
/// checking the engine's invariants after every input.
struct Driver {
  var engine: SessionEngine
  private(set) var nowMilliseconds = 0
  private(set) var commands: [(milliseconds: Int, command: SessionCommand)] = []

  init(_ setup: SessionSetup) { engine = SessionEngine(setup: setup) }

  @discardableResult
  mutating func run(_ script: [Step]) -> [SessionCommand] {
    var produced: [SessionCommand] = []
    for step in script {
      nowMilliseconds += step.after
      let output = engine.handle(step.input, at: UInt64(nowMilliseconds) * 1_000_000)
      #expect(engine.brokenInvariants.isEmpty, "after \(step.input) at \(nowMilliseconds) ms")
      commands += output.map { (nowMilliseconds, $0) }
      produced += output
    }
    return produced
  }

  /// The transcript as readable lines, keeping only lines that start with one of `prefixes`.
  func lines(_ prefixes: [String]) -> [String] {
    commands.map { Transcript.line(for: $0.command) }.filter { line in prefixes.contains { line.hasPrefix($0) } }
  }

  var lastScene: StageScene? {
    commands.reversed().lazy.compactMap { if case .show(let scene) = $0.command { scene } else { nil } }.first
  }
}
