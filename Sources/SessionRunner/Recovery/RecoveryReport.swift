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

  public init(session: SessionID, lastEvent: String) {
    self.session = session
    self.lastEvent = lastEvent
  }
}

extension RecoveryReport {
  /// One line for the therapist.
  public var summary: LocalizedText {
    let missing =
      missingFiles.isEmpty
      ? LocalizedText(fr: "", en: "")
      : LocalizedText(
        fr: " ; \(missingFiles.count) enregistrement(s) introuvable(s)",
        en: "; \(missingFiles.count) recording(s) not found")
    return LocalizedText(
      fr:
        "Séance \(session) interrompue (dernier événement : \(lastEvent)) : \(recoveredFiles.count) réponse(s) réparée(s), dont \(measuredAnswers) mesurée(s)\(missing.french). Elle est close dans le journal.",
      en:
        "Session \(session) was interrupted (last event: \(lastEvent)): \(recoveredFiles.count) answer(s) repaired, \(measuredAnswers) measured\(missing.english). It is now closed in the log."
    )
  }
}
