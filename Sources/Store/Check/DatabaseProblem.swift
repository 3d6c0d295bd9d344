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
    }
  }
}
