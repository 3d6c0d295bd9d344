import SessionModel

/// Reads a participant code typed by a user, refusing anything that could be a name.
enum ParticipantCodeArgument {
  static func parse(_ text: String) throws -> ParticipantCode {
    if let problem = ParticipantCode.problem(with: text) {
      throw CommandFailure.badInput(problem)
    }
    return ParticipantCode(rawValue: text)!
  }
}
