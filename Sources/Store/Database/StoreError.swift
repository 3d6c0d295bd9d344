import Foundation
import SessionModel
import SpeechKit

/// Why the store refused or failed, with the words a clinician or researcher needs.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotOpen(path: String, reason: String)
  case writtenByNewerVersion
  case participantAlreadyExists(ParticipantCode)
  case unknownParticipant(ParticipantCode)
  case groupAlreadyExists(GroupID)
  case unknownParticipants([ParticipantCode])
  case tooManyMembers(Int)
  case repeatedMember(ParticipantCode)
  case emptyGroup
  case coderIsNotACode(String)
  case unknownTrial(SessionID, TrialID)
  case unknownAnswer(AnswerKey)
  /// A memory coding nobody confirmed: only a coder's coding is stored.
  case unconfirmedCoding(AnswerKey)
  case exportFolderIsAFile(String)
  case cannotWriteExport(path: String, reason: String)
  /// SQLite or the file system failed underneath; `reason` is the technical detail.
  case databaseFailure(String)
  /// The database file failed in one of the ways a user can act on; `path` is the file when known.
  case storage(StorageFault, path: String?)
  /// A transcript beside a recording that an export could not read; it names the file and line.
  case unreadableTranscript(TranscriptReadError)
  /// A filed recording that is gone or whose bytes no longer match the checksum filed with it.
  case recordingChanged(path: String, isMissing: Bool)
  /// Measures with a value outside its range (not finite, negative, past the recording's end).
  case measureOutOfRange(AnswerKey, [OutOfRangeValue])
  /// A review save whose values cannot be right; nothing is written.
  case reviewRefused(ReviewRefusal)
  /// The file system refused the transcript file of a review save; `reason` is its own words.
  case cannotSaveTranscript(reason: String)
  /// A site code that does not follow the rule of ``InstallationSite/isValidCode(_:)``.
  case invalidSiteCode(String)
  /// The installation already has another site code; it is set once.
  case siteAlreadySet(SiteID, requested: SiteID)

  /// True when the user can fix the cause by changing what they typed.
  public var isBadInput: Bool {
    switch self {
    case .participantAlreadyExists, .unknownParticipant, .groupAlreadyExists, .unknownParticipants,
      .tooManyMembers, .repeatedMember, .emptyGroup, .coderIsNotACode, .unknownTrial, .unknownAnswer,
      .unconfirmedCoding,
      .exportFolderIsAFile, .unreadableTranscript, .measureOutOfRange, .reviewRefused, .invalidSiteCode,
      .siteAlreadySet:
      true
    case .cannotOpen, .writtenByNewerVersion, .cannotWriteExport, .databaseFailure, .recordingChanged, .storage,
      .cannotSaveTranscript:
      false
    }
  }

  public var message: LocalizedText {
    switch self {
    case .cannotOpen(let path, let reason):
      LocalizedText(
        fr:
          "Impossible d'ouvrir la base de données « \(path) ». Vérifiez le chemin donné à --db ; si le problème persiste, signalez-le avec ce détail technique : \(reason)",
        en:
          "Cannot open the database '\(path)'. Check the path given to --db; if the problem persists, report it with this technical detail: \(reason)"
      )
    case .storage(let fault, let path):
      fault.message(path: path)
    case .recordingChanged(let path, true):
      LocalizedText(
        fr:
          "L'enregistrement \(path) est introuvable : remettez-le à sa place (sauvegarde) avant de mesurer à nouveau.",
        en: "The recording \(path) is missing: put it back (from a backup) before measuring again.")
    case .recordingChanged(let path, false):
      LocalizedText(
        fr:
          "L'enregistrement \(path) a été modifié depuis la séance (empreinte SHA-256 différente) : remettez l'original ; les mesures doivent décrire la réponse telle qu'elle a été enregistrée.",
        en:
          "The recording \(path) has changed since the session (different SHA-256): restore the original; measures must describe the answer as it was recorded."
      )
    case .writtenByNewerVersion:
      LocalizedText(
        fr: "Cette base de données a été écrite par une version plus récente de ConnectAge : mettez ConnectAge à jour.",
        en: "This database was written by a newer version of ConnectAge: update ConnectAge.")
    case .participantAlreadyExists(let code):
      LocalizedText(
        fr: "Le participant \(code) existe déjà.",
        en: "Participant \(code) already exists.")
    case .unknownParticipant(let code):
      LocalizedText(
        fr: "Aucun participant \(code) dans la base. Ajoutez-le avec « connectage participants add \(code) ».",
        en: "No participant \(code) in the database. Add it with 'connectage participants add \(code)'.")
    case .groupAlreadyExists(let id):
      LocalizedText(fr: "Le groupe \(id) existe déjà.", en: "Group \(id) already exists.")
    case .unknownParticipants(let codes):
      LocalizedText(
        fr: "Participants inconnus : \(Self.list(codes)). Ajoutez-les d'abord avec « connectage participants add ».",
        en: "Unknown participants: \(Self.list(codes)). Add them first with 'connectage participants add'.")
    case .tooManyMembers(let count):
      LocalizedText(
        fr: "Un groupe compte au plus \(ParticipantGroup.maximumSize) participants ; \(count) ont été donnés.",
        en: "A group has at most \(ParticipantGroup.maximumSize) participants; \(count) were given.")
    case .repeatedMember(let code):
      LocalizedText(
        fr: "Le participant \(code) apparaît deux fois dans le groupe.",
        en: "Participant \(code) appears twice in the group.")
    case .emptyGroup:
      LocalizedText(fr: "Un groupe compte au moins un participant.", en: "A group has at least one participant.")
    case .coderIsNotACode(let coder):
      LocalizedText(
        fr:
          "« \(coder) » n'est pas un code de codeur : utilisez des initiales ou un code (par exemple ORT1), jamais un nom.",
        en: "'\(coder)' is not a coder code: use initials or a code (for example ORT1), never a name.")
    case .unknownTrial(let session, let trial):
      LocalizedText(
        fr: "Aucun essai \(trial) dans la séance \(session).",
        en: "No trial \(trial) in session \(session).")
    case .unknownAnswer(let answer):
      LocalizedText(
        fr: "Aucune mesure pour \(answer.participant) à l'essai \(answer.trial) de la séance \(answer.session).",
        en: "No measures for \(answer.participant) in trial \(answer.trial) of session \(answer.session).")
    case .unconfirmedCoding(let answer):
      LocalizedText(
        fr:
          "Le codage des souvenirs de \(answer.participant) (essai \(answer.trial), séance \(answer.session)) n'est pas confirmé : un codeur doit le valider avant l'enregistrement.",
        en:
          "The memory coding of \(answer.participant) (trial \(answer.trial), session \(answer.session)) is not confirmed: a coder must confirm it before it is saved."
      )
    case .exportFolderIsAFile(let path):
      LocalizedText(
        fr: "« \(path) » existe et n'est pas un dossier : donnez un dossier à --out.",
        en: "'\(path)' exists and is not a folder: give --out a folder.")
    case .cannotWriteExport(let path, let reason):
      LocalizedText(
        fr: "Impossible d'écrire « \(path) » : \(reason)",
        en: "Cannot write '\(path)': \(reason)")
    case .measureOutOfRange(let answer, let values):
      LocalizedText(
        fr:
          "Mesures de \(answer.participant) (essai \(answer.trial), séance \(answer.session)) refusées, rien n'est enregistré : \(values.map { "\($0.column) = \($0.value), attendu \($0.expected.french)" }.joined(separator: " ; ")).",
        en:
          "Measures of \(answer.participant) (trial \(answer.trial), session \(answer.session)) refused, nothing stored: \(values.map { "\($0.column) = \($0.value), expected \($0.expected.english)" }.joined(separator: "; "))."
      )
    case .reviewRefused(let refusal):
      refusal.message
    case .cannotSaveTranscript(let reason):
      LocalizedText(
        fr:
          "La transcription n'a pas pu être écrite à côté de l'enregistrement (\(reason)) : rien n'a été enregistré. Vérifiez l'espace disque et les droits du dossier des enregistrements.",
        en:
          "The transcript could not be written beside the recording (\(reason)): nothing was saved. Check the disk space and the recordings folder's permissions."
      )
    case .invalidSiteCode(let code):
      LocalizedText(
        fr:
          "« \(code) » n'est pas un code de site : 2 à 16 majuscules, chiffres ou tirets, en commençant par une lettre (par exemple LYON-NEURO), jamais un nom de patient.",
        en:
          "'\(code)' is not a site code: 2 to 16 capital letters, digits or hyphens, starting with a letter (for example LYON-NEURO), never a patient's name."
      )
    case .siteAlreadySet(let current, let requested):
      LocalizedText(
        fr:
          "Cette installation est déjà le site \(current) ; elle ne peut pas devenir \(requested). Retirez --site, ou utilisez la base de données de l'autre site.",
        en:
          "This installation is already site \(current); it cannot become \(requested). Drop --site, or use the other site's database."
      )
    case .databaseFailure(let reason):
      LocalizedText(
        fr:
          "La base de données a signalé une erreur inattendue ; lancez « connectage db check », et si le problème persiste signalez-le avec ce détail technique : \(reason)",
        en:
          "The database reported an unexpected error; run 'connectage db check', and if the problem persists report it with this technical detail: \(reason)"
      )
    case .unreadableTranscript(let error):
      LocalizedText(
        fr: error.message(in: .french) + " (corrigez la transcription, puis relancez la commande)",
        en: error.message(in: .english) + " (fix the transcript, then run the command again)")
    }
  }

  /// The message in the process's language, so that an error written into a sentence (a log
  /// notice, a warning) reads as words, never as the enum's case and its fields.
  public var description: String {
    message.text(in: Language.fromEnvironment(ProcessInfo.processInfo.environment))
  }

  /// Any error met while using the store, in plain words: a ``StoreError``'s own message, a
  /// SQLite failure sorted into a ``StorageFault``, else the error as it describes itself.
  public static func explanation(of error: any Error) -> LocalizedText {
    if let error = error as? StoreError { return error.message }
    if let fault = StorageFault.of(error) { return fault.message(path: nil) }
    return LocalizedText(fr: "\(error)", en: "\(error)")
  }

  private static func list(_ codes: [ParticipantCode]) -> String {
    codes.map(\.rawValue).joined(separator: ", ")
  }
}
