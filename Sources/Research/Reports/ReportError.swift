import SessionModel

/// Why a report cannot be made: something asked for that the database does not hold.
public enum ReportError: Error, Hashable, Sendable {
  case unknownSession(SessionID)
  case unknownParticipant(ParticipantCode, study: StudyID)
  case emptyStudy(StudyID)

  /// What to tell the user, French first.
  public var message: LocalizedText {
    switch self {
    case .unknownSession(let session):
      LocalizedText(
        fr: "Aucune séance « \(session) » dans la base : vérifiez l'identifiant et --db.",
        en: "No session '\(session)' in the database: check the identifier and --db.")
    case .unknownParticipant(let code, let study):
      LocalizedText(
        fr:
          "Aucune séance de l'étude « \(study) » pour le participant « \(code) » : vérifiez le code, --study et --db.",
        en: "No session of study '\(study)' for participant '\(code)': check the code, --study and --db.")
    case .emptyStudy(let study):
      LocalizedText(
        fr: "Aucune séance pour l'étude « \(study) » : vérifiez --study et --db.",
        en: "No session for study '\(study)': check --study and --db.")
    }
  }
}
