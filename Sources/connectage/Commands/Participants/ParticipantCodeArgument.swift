import SessionModel
import Store

/// Reads a participant code typed by a user, refusing anything that could be a name.
enum ParticipantCodeArgument {
  /// A code naming a participant who may already exist: the shape every code has.
  static func parse(_ text: String) throws -> ParticipantCode {
    if let problem = ParticipantCode.problem(with: text) {
      throw CommandFailure.badInput(problem)
    }
    return ParticipantCode(rawValue: text)!
  }

  /// A code for a new participant of `study`: its protocol's pattern when the database knows the
  /// study, else the standard one (letters and digits, at least one digit), so `DURAND` is refused.
  static func parseNew(_ text: String, study: StudyID?, in database: SessionDatabase) throws -> ParticipantCode {
    try parseNew(text, pattern: database.studies.participantCodes(of: study))
  }

  static func parseNew(_ text: String, pattern: ParticipantCodePattern) throws -> ParticipantCode {
    if let problem = pattern.problem(with: text) {
      throw CommandFailure.badInput(problem)
    }
    return ParticipantCode(rawValue: text)!
  }
}
