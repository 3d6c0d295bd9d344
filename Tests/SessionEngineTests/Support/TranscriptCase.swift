import SessionEngine
import SessionModel
import Testing

/// A named script and the transcript lines it must produce.
///
/// `before` brings the session to the point under test and is not checked; `script` is
/// checked: the lines it produces that start with one of `keep` must be exactly `expected`.
struct TranscriptCase: Sendable, CustomTestStringConvertible {
  let id: String
  var setup: SessionSetup = Material.setup()
  var before: [Step] = []
  let script: [Step]
  let keep: [String]
  let expected: [String]

  var testDescription: String { id }

  func run() -> [String] {
    var driver = Driver(setup)
    driver.run(before)
    let start = driver.commands.count
    driver.run(script)
    return driver.commands[start...].map { Transcript.line(for: $0.command) }.filter { line in
      keep.contains { line.hasPrefix($0) }
    }
  }
}
