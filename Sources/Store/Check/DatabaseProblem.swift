import SessionModel

/// One thing `db check` found wrong, said plainly.
public enum DatabaseProblem: Hashable, Sendable {
  /// SQLite's `integrity_check` reported damage to the file itself.
  case damagedFile(String)
  /// A row refers to a row that does not exist (`foreign_key_check`).
  case brokenReference(table: String, row: Int64, missingIn: String)
  /// Events were logged for a session the database does not describe.
  case eventsOfUnknownSession(SessionID, count: Int)
  case missingRecordingFile(Recording)
  case changedRecordingFile(Recording, actualSHA256: String)
  /// A stored value outside its range (DatabaseCheck+Values.swift).
  case valueOutOfRange(AnswerKey, OutOfRangeValue)
  /// The log says `takes` take(s) of this answer were recorded, and none was filed or explained.
  case unfiledAnswer(AnswerKey, takes: Int)

  public var message: LocalizedText {
    switch self {
    case .damagedFile(let detail):
      LocalizedText(
        fr: "Le fichier de la base est endommagé (SQLite : \(detail)). Restaurez une sauvegarde.",
        en: "The database file is damaged (SQLite: \(detail)). Restore a backup.")
    case .brokenReference(let table, let row, let parent):
      LocalizedText(
        fr: "La ligne \(row) de la table « \(table) » renvoie à une ligne absente de « \(parent) ».",
        en: "Row \(row) of table '\(table)' refers to a row missing from '\(parent)'.")
    case .eventsOfUnknownSession(let session, let count):
      LocalizedText(
        fr:
          "\(count) événement\(count > 1 ? "s" : "") appartien\(count > 1 ? "nent" : "t") à la séance \(session), inconnue de la base.",
        en:
          "\(count) event\(count > 1 ? "s belong" : " belongs") to session \(session), which the database does not know."
      )
    case .valueOutOfRange(let answer, let value):
      Self.outOfRangeMessage(answer, value)
    case .missingRecordingFile(let recording):
      LocalizedText(
        fr:
          "L'enregistrement de \(recording.participant) (séance \(recording.session), essai \(recording.trial)) est introuvable : \(recording.path).",
        en:
          "The recording of \(recording.participant) (session \(recording.session), trial \(recording.trial)) is missing: \(recording.path)."
      )
    case .changedRecordingFile(let recording, _):
      LocalizedText(
        fr:
          "L'enregistrement de \(recording.participant) (séance \(recording.session), essai \(recording.trial)) a changé depuis l'analyse (empreinte SHA-256 différente) : \(recording.path).",
        en:
          "The recording of \(recording.participant) (session \(recording.session), trial \(recording.trial)) has changed since it was analysed (different SHA-256): \(recording.path)."
      )
    case .unfiledAnswer(let answer, let takes):
      LocalizedText(
        fr:
          "La réponse de \(answer.participant) (séance \(answer.session), essai \(answer.trial)) a été annoncée dans le journal (\(takes) prise\(takes > 1 ? "s" : "")) mais jamais classée, sans échec journalisé : son fichier WAV est peut-être vide ou absent (disque plein ?). Vérifiez le dossier de la séance ; sans fichier utilisable, la réponse est manquante.",
        en:
          "The answer of \(answer.participant) (session \(answer.session), trial \(answer.trial)) was announced in the log (\(takes) take\(takes > 1 ? "s" : "")) but never filed, and no failure was logged: its WAV file may be empty or missing (a full disk?). Check the session's folder; without a usable file, the answer is missing."
      )
    }
  }
}
