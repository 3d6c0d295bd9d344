import SessionModel
import Yams

/// Gathers the problems of one file as it is read, so that all of them are reported together.
final class ProblemCollector {
  let file: String
  private(set) var problems: [ProtocolProblem] = []

  init(file: String) {
    self.file = file
  }

  var isEmpty: Bool { problems.isEmpty }

  func report(_ message: LocalizedText, at node: Node?) {
    report(message, at: node?.mark)
  }

  func report(_ message: LocalizedText, at mark: Mark?) {
    let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    problems.append(ProtocolProblem(location: location, message: message))
  }

  func absorb(_ failure: ProtocolValidationFailure) {
    problems.append(contentsOf: failure.problems)
  }

  var failure: ProtocolValidationFailure? {
    problems.isEmpty ? nil : ProtocolValidationFailure(problems: problems)
  }
}
