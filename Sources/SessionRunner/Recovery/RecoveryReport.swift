import Foundation
import SessionModel

/// What recovering one interrupted session saved.
public struct RecoveryReport: Sendable {
  public var session: SessionID
  /// The type of the last event logged before the interruption.
  public var lastEvent: String
  /// Answers repaired and filed.
  public var recoveredFiles: [URL] = []
  /// Of those, answers whose measures were stored (a seat without a participant has none).
  public var measuredAnswers = 0
  /// Takes the log names whose file is gone.
  public var missingFiles: [String] = []
  /// Takes whose file is there but could not be repaired or measured; left as they are.
  public var unrecoveredFiles: [UnrecoveredRecording] = []
  /// Why the session could not be recovered at all; it stays open for another try.
  public var failure: String?
  /// The session had ended in the log; only what its process died before filing was saved.
  public var hadEnded = false
  /// Group members recorded present from what the log shows (seated or answering), for a run
  /// killed before it recorded attendance.
  public var recordedPresent: [ParticipantCode] = []
  /// Why that attendance could not be recorded.
  public var attendanceProblem: LocalizedText?

  public init(session: SessionID, lastEvent: String) {
    self.session = session
    self.lastEvent = lastEvent
  }
}

extension RecoveryReport {
  /// One line for the therapist, naming every take that could not be saved and whom the log showed present.
  public var summary: LocalizedText {
    if let failure {
      return LocalizedText(
        fr:
          "La séance \(session) n'a pas pu être récupérée : \(failure). Rien n'a été effacé ; relancez « connectage db recover ».",
        en:
          "Session \(session) could not be recovered: \(failure). Nothing was deleted; run 'connectage db recover' again."
      )
    }
    var details = LocalizedText(fr: "", en: "")
    if !missingFiles.isEmpty {
      let names = missingFiles.joined(separator: ", ")
      details = LocalizedText(
        fr: details.french + " ; \(missingFiles.count) enregistrement(s) introuvable(s) : \(names)",
        en: details.english + "; \(missingFiles.count) recording(s) not found: \(names)")
    }
    if !unrecoveredFiles.isEmpty {
      let names = unrecoveredFiles.map { "\($0.path) (\($0.reason))" }.joined(separator: ", ")
      details = LocalizedText(
        fr: details.french
          + " ; \(unrecoveredFiles.count) enregistrement(s) illisible(s), laissé(s) tel(s) quel(s) : \(names)",
        en: details.english + "; \(unrecoveredFiles.count) recording(s) unreadable, left as they are: \(names)")
    }
    if !recordedPresent.isEmpty {
      let codes = recordedPresent.map(\.rawValue).joined(separator: ", ")
      details = LocalizedText(
        fr: details.french + " ; \(codes) noté(s) présent(s) d'après le journal",
        en: details.english + "; \(codes) recorded present from the log")
    }
    if let attendanceProblem {
      details = LocalizedText(
        fr: details.french + " ; les présences n'ont pas pu être enregistrées : \(attendanceProblem.french)",
        en: details.english + "; attendance could not be recorded: \(attendanceProblem.english)")
    }
    if hadEnded {
      return LocalizedText(
        fr:
          "Séance \(session) terminée, mais arrêtée avant d'avoir tout classé : \(recoveredFiles.count) réponse(s) réparée(s), dont \(measuredAnswers) mesurée(s)\(details.french).",
        en:
          "Session \(session) had ended but was stopped before filing everything: \(recoveredFiles.count) answer(s) repaired, \(measuredAnswers) measured\(details.english)."
      )
    }
    return LocalizedText(
      fr:
        "Séance \(session) interrompue (dernier événement : \(lastEvent)) : \(recoveredFiles.count) réponse(s) réparée(s), dont \(measuredAnswers) mesurée(s)\(details.french). Elle est close dans le journal.",
      en:
        "Session \(session) was interrupted (last event: \(lastEvent)): \(recoveredFiles.count) answer(s) repaired, \(measuredAnswers) measured\(details.english). It is now closed in the log."
    )
  }
}
